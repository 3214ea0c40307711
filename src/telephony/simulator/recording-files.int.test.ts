import { connect } from 'ari-client';
import { PASSWORD, startKit, USER, type Kit } from './simulator-test-kit';

/** Stored recordings as files: real WAV audio of the recorded length, over ARI HTTP as from Asterisk. */
let kit: Kit;
beforeAll(async () => {
  kit = await startKit(connect);
});
afterAll(() => kit.close());

const auth = { authorization: `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}` };
const fileOf = (name: string, headers: Record<string, string> = auth) => fetch(`${kit.sim.url}/ari/recordings/stored/${name}/file`, { headers });

async function answeredCall(channelId: string): Promise<void> {
  await kit.ari.channels.create!({ endpoint: 'PJSIP/+15557770100@carrier', app: kit.app, channelId });
  await kit.ari.channels.dial!({ channelId });
  await kit.log.waitFor('Dial', channelId, (event) => event.dialstatus === 'ANSWER');
}

const timeOf = (event: object) => new Date(String((event as { timestamp?: unknown }).timestamp)).getTime();

describe('GET /recordings/stored/{name}/file', () => {
  it('serves a snoop recording as mono 16-bit 8 kHz WAV as long as it was recorded, even of a bridged channel, until it is deleted', async () => {
    await answeredCall('f-1');
    await kit.ari.bridges.create!({ bridgeId: 'bridge-f' });
    await kit.ari.bridges.addChannel!({ bridgeId: 'bridge-f', channel: 'f-1' });
    await kit.ari.channels.snoopChannelWithId!({ channelId: 'f-1', snoopId: 'snoop-f', spy: 'in', app: kit.app, appArgs: 'snoop' });
    await kit.ari.channels.record!({ channelId: 'snoop-f', name: 'rec-f', format: 'wav' });
    const started = await kit.log.wait((event) => event.type === 'RecordingStarted' && event.recording?.name === 'rec-f', 'RecordingStarted');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await kit.ari.recordings.stop!({ recordingName: 'rec-f' });
    const finished = await kit.log.wait((event) => event.type === 'RecordingFinished' && event.recording?.name === 'rec-f', 'RecordingFinished');

    const response = await fileOf('rec-f');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    const file = Buffer.from(await response.arrayBuffer());
    expect(file.toString('ascii', 0, 4)).toBe('RIFF');
    expect(file.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect([file.readUInt16LE(20), file.readUInt16LE(22), file.readUInt32LE(24), file.readUInt16LE(34)]).toEqual([1, 1, 8000, 16]);
    const durationMs = (file.readUInt32LE(40) / 2 / 8000) * 1000;
    const recordedMs = timeOf(finished) - timeOf(started);
    expect(Math.abs(durationMs - recordedMs)).toBeLessThanOrEqual(2);
    expect(file.subarray(44).some((byte) => byte !== 0)).toBe(true); // a tone, not silence

    await kit.ari.recordings.deleteStored!({ recordingName: 'rec-f' });
    expect((await fileOf('rec-f')).status).toBe(404);
    await kit.ari.channels.hangup!({ channelId: 'f-1' });
    await kit.ari.bridges.destroy!({ bridgeId: 'bridge-f' });
  });

  it('answers 404 for a recording that is not stored, and 401 without credentials', async () => {
    expect((await fileOf('no-such-recording')).status).toBe(404);
    expect((await fileOf('anything', {})).status).toBe(401);
  });
});
