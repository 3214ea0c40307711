import { wavInfo } from '../src/audio/wav';
import { decodeAudio } from './support/decode-audio';
import { download, ended, pause, recordedMs, recordingKit, ZERO } from './support/recording-kit';
import type { Json } from './support/rest-client';
import { waitFor } from './support/wait';

/** The rules of recording through REST: states, conflicts, validation, tenancy, hangup, ending. */
const { app, rest, getRecording, waitForRecording, answeredCall, record, simPost } = recordingKit();

describe('the rules of recording', () => {
  it('answers 409 to a second start while one is active, and lets a new one start after the stop', async () => {
    const call = await answeredCall();
    const first = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(first.status).toBe(200);
    const second = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(second.status).toBe(409);
    expect(second.body.error.reason).toBe('CALL_ALREADY_RECORDING');
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ recording_id: first.body.recording_id, recording_ids: [first.body.recording_id] });

    await waitForRecording(first.body.recording_id, (r) => r.status === 'recording', 'the first recording to start');
    expect((await rest('POST', `/calls/${call.id}/recording_stop`)).status).toBe(200);
    const third = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(third.status).toBe(200);
    const list = await rest('GET', `/calls/${call.id}/recordings`);
    expect(list.body.result.map((r: Json) => r.id)).toEqual([first.body.recording_id, third.body.recording_id]);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ recording_id: third.body.recording_id, recording_ids: [first.body.recording_id, third.body.recording_id] });
  });

  it('answers 409 for a ringing call and a hung-up one, and changes nothing', async () => {
    const created = await rest('POST', '/calls', { body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550002000' }] } });
    const id = created.body.calls[0].id as string;
    await waitFor(async () => (await rest('GET', `/calls/${id}`)).body, (c) => c.status === 'ringing', 'the call to ring');
    expect((await rest('POST', `/calls/${id}/recording_start`, { body: {} })).status).toBe(409);
    await rest('POST', `/calls/${id}/hangup`);
    await waitFor(async () => (await rest('GET', `/calls/${id}`)).body, (c) => c.status === 'hangup', 'the call to hang up');
    expect((await rest('POST', `/calls/${id}/recording_start`, { body: {} })).status).toBe(409);
    expect((await rest('GET', `/calls/${id}`)).body).toMatchObject({ recording_id: ZERO, recording_ids: [] });
    expect((await rest('GET', `/calls/${id}/recordings`)).body.result).toEqual([]);
  });

  it('answers 409 to a stop when nothing is recording', async () => {
    const call = await answeredCall();
    const answer = await rest('POST', `/calls/${call.id}/recording_stop`);
    expect(answer.status).toBe(409);
  });

  it.each([
    [{ format: 'flac' }, 'format'],
    [{ direction: 'sideways' }, 'direction'],
    [{ channels: 3 }, 'channels'],
    [{ end_of_silence: -1 }, 'end_of_silence'],
    [{ duration: 1.5 }, 'duration'],
    [{ end_of_key: 'x' }, 'end_of_key'],
    // A flow at the end is not run yet: only "none" is taken, never silently ignored.
    [{ on_end_flow_id: '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11' }, 'on_end_flow_id'],
  ])('answers 400 naming the field for %j, and records nothing', async (options, field) => {
    const call = await answeredCall();
    const answer = await rest('POST', `/calls/${call.id}/recording_start`, { body: options });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(field);
    expect((await rest('GET', `/calls/${call.id}`)).body.recording_ids).toEqual([]);
  });

  it('hides another customer’s calls and recordings (404)', async () => {
    const { recording, call } = await record({});
    const other = await app().newCustomer();
    for (const [method, path] of [
      ['POST', `/calls/${call.id}/recording_start`],
      ['POST', `/calls/${call.id}/recording_stop`],
      ['GET', `/calls/${call.id}/recordings`],
      ['GET', `/recordings/${recording.id}`],
      ['DELETE', `/recordings/${recording.id}`],
      ['GET', `/recordingfiles/${recording.id}`],
    ] as const) {
      expect([method, path, (await rest(method, path, { token: other.token, body: method === 'POST' ? {} : undefined })).status]).toEqual([method, path, 404]);
    }
    expect((await rest('GET', '/recordings', { token: other.token })).body.result).toEqual([]);
    expect((await getRecording(recording.id)).status).toBe('ended');
  });
});

describe('hangup', () => {
  it('stops an active recording, which still ends with its file', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: { channels: 'stereo' } });
    await waitForRecording(started.body.recording_id, (r) => r.status === 'recording', 'the recording to start');
    await pause(800);
    await rest('POST', `/calls/${call.id}/hangup`);
    const recording = await waitForRecording(started.body.recording_id, ended, 'the recording to be stored after hangup');
    const info = wavInfo((await download(recording.url)).body);
    expect(info.channelCount).toBe(2);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ status: 'hangup', recording_id: ZERO, recording_ids: [recording.id] });
  });
});

describe('the far end hanging up', () => {
  it('ends the recording with its file too', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: { format: 'ogg' } });
    await waitForRecording(started.body.recording_id, (r) => r.status === 'recording', 'the recording to start');
    await pause(600);
    await simPost(`/sim/channels/${call.id}/hangup`, {});
    const recording = await waitForRecording(started.body.recording_id, ended, 'the recording to be stored after the far end hung up');
    const decoded = await decodeAudio('ogg', (await download(recording.url)).body);
    expect(decoded.channels).toBe(1);
    expect(Math.abs(decoded.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ status: 'hangup', hangup_by: 'remote', recording_id: ZERO });
  });
});

describe('ending on its own', () => {
  it('ends after `duration` seconds', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: { duration: 1 } });
    const recording = await waitForRecording(started.body.recording_id, ended, 'the recording to end by itself');
    const info = wavInfo((await download(recording.url)).body);
    expect(info.durationMs).toBeGreaterThanOrEqual(900);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ status: 'progressing', recording_id: ZERO });
  });

  it('ends when the far end presses its end key (after another key)', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: { end_of_key: '#' } });
    await waitForRecording(started.body.recording_id, (r) => r.status === 'recording', 'the recording to start');
    await simPost(`/sim/channels/${call.id}/dtmf`, { digits: '1' });
    await simPost(`/sim/channels/${call.id}/dtmf`, { digits: '#' });
    const recording = await waitForRecording(started.body.recording_id, ended, 'the recording to end on #');
    expect(recording.status).toBe('ended');
  });
});

describe('listing and deleting', () => {
  it('pages GET /v1.0/recordings newest first and deletes an ended recording', async () => {
    const { recording: older } = await record({});
    const { recording: newer } = await record({});
    const first = await rest('GET', '/recordings?page_size=1');
    expect(first.body.result.map((r: Json) => r.id)).toEqual([newer.id]);
    const second = await rest('GET', `/recordings?page_size=1&page_token=${encodeURIComponent(first.body.next_page_token)}`);
    expect(second.body.result.map((r: Json) => r.id)).toEqual([older.id]);

    const deleted = await rest('DELETE', `/recordings/${older.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.tm_delete).not.toBe('9999-01-01 00:00:00.000000');
    expect((await rest('GET', `/recordings/${older.id}`)).status).toBe(404);
    expect((await download(older.url)).status).toBe(404);
  });

  it('refuses to delete a recording that is still running, or to redirect to its file (409)', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect((await rest('DELETE', `/recordings/${started.body.recording_id}`)).status).toBe(409);
    // Nor is there a file to redirect to yet.
    expect((await rest('GET', `/recordingfiles/${started.body.recording_id}`)).status).toBe(409);
    expect((await getRecording(started.body.recording_id)).url).toBe('');
  });
});
