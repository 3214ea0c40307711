import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavInfo } from '../src/audio/wav';
import { restClient, voipbinDate, type Json } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { ASTERISK_ARI_URL, asteriskEnv } from './support/asterisk';

/**
 * Recording against a real Asterisk (snoops, live recordings, GET /recordings/stored/{name}/file),
 * run only when ASTERISK_ARI_URL points at one (see asterisk.int.test.ts).
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;

suite('recording against a real Asterisk', () => {
  let t: TestApp;
  let dir: string;
  let rest: ReturnType<typeof restClient>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opencall-rec-asterisk-'));
    t = await startTestApp(asteriskEnv('opencall-rec-test', { RECORDING_DIR: dir }));
    rest = restClient(t.baseUrl, t.accessKey);
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('records both directions on snoops and stores a stereo WAV of the recorded length', async () => {
    const created = await rest('POST', '/calls', { body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] } });
    const callId = created.body.calls[0].id as string;
    await waitFor(async () => (await rest('GET', `/calls/${callId}`)).body.status, (s) => s === 'progressing', 'the answer', 30_000);
    const started = await rest('POST', `/calls/${callId}/recording_start`, { body: { channels: 'stereo' } });
    await waitFor(async () => (await rest('GET', `/recordings/${started.body.recording_id}`)).body.status, (s) => s === 'recording', 'the recording to start', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await rest('POST', `/calls/${callId}/recording_stop`);
    const recording: Json = await waitFor(async () => (await rest('GET', `/recordings/${started.body.recording_id}`)).body, (r) => r.url !== '', 'the file', 30_000);
    const info = wavInfo(Buffer.from(await (await fetch(recording.url as string)).arrayBuffer()));
    expect(info.channelCount).toBe(2);
    const recordedMs = voipbinDate(recording.tm_end).getTime() - voipbinDate(recording.tm_start).getTime();
    expect(Math.abs(info.durationMs - recordedMs)).toBeLessThanOrEqual(recordedMs * 0.1);
    await rest('POST', `/calls/${callId}/hangup`);
  });
});
