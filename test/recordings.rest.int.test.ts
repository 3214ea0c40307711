import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { decodeWav, wavInfo } from '../src/audio/wav';
import { decodeAudio } from './support/decode-audio';
import { restClient, voipbinDate, type Json } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
let dir: string;
let rest: ReturnType<typeof restClient>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opencall-rec-'));
  t = await startTestApp({ RECORDING_DIR: dir });
  rest = restClient(t.baseUrl, t.accessKey);
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answeredCall(target = '+15559876543', token = t.accessKey): Promise<Json> {
  const created = await rest('POST', '/calls', { token, body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target }] } });
  expect(created.status).toBe(200);
  const id = created.body[0].id as string;
  return waitFor(async () => (await rest('GET', `/calls/${id}`, { token })).body, (call) => call.status === 'progressing', 'the call to be answered');
}

const getRecording = async (id: string): Promise<Json> => (await rest('GET', `/recordings/${id}`)).body;
const waitForRecording = (id: string, accept: (recording: Json) => boolean, what: string) => waitFor(() => getRecording(id), accept, what);
const ended = (recording: Json) => recording.status === 'ended' && recording.url !== '';

/** Records a call for a while through the API and answers the finished recording. */
async function record(options: Json, seconds = 1.2): Promise<{ call: Json; recording: Json }> {
  const call = await answeredCall();
  const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: options });
  expect(started.status).toBe(200);
  expect(started.body).toMatchObject({ reference_type: 'call', reference_id: call.id, status: 'initiating', url: '' });
  await waitForRecording(started.body.id, (r) => r.status === 'recording', 'the recording to start');
  await pause(seconds * 1000); // audio to record; the checks below measure the time from tm_start/tm_end
  const stopped = await rest('POST', `/calls/${call.id}/recording_stop`);
  expect(stopped.status).toBe(200);
  return { call, recording: await waitForRecording(started.body.id, ended, 'the recording to be stored') };
}

async function download(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

/** The frequency of a pure tone, from its zero crossings (two per cycle), where it sounds. */
function dominantHz(track: Int16Array): number {
  const first = track.findIndex((sample) => sample !== 0);
  const last = track.findLastIndex((sample) => sample !== 0);
  const samples = track.subarray(first, last + 1);
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1]! < 0) !== (samples[i]! < 0)) crossings++;
  return crossings / 2 / (samples.length / 8000);
}

const recordedMs = (recording: Json): number => voipbinDate(recording.tm_end).getTime() - voipbinDate(recording.tm_start).getTime();

describe('recording a call through the API', () => {
  it('records WAV, mixed: a file of one channel and of the recorded length, downloaded through its signed URL', async () => {
    const { call, recording } = await record({ format: 'wav', direction: 'both', channels: 'mixed' });
    expect(recording).toMatchObject({ format: 'wav', direction: 'both', channels: 'mixed', customer_id: t.app.bootstrap!.customerId });
    const file = await download(recording.url);
    expect(file.status).toBe(200);
    expect(file.type).toBe('audio/wav');
    const info = wavInfo(file.body);
    expect(info.channelCount).toBe(1);
    expect(info.bitsPerSample).toBe(16);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);

    const after = (await rest('GET', `/calls/${call.id}`)).body;
    expect(after.recording_id).toBe(ZERO);
    expect(after.recording_ids).toEqual([recording.id]);
    // call_updated when the recording became the active one, and when it stopped being it.
    const history = (await rest('GET', `/calls/${call.id}/events`)).body.result as Json[];
    const updates = history.filter((event) => event.type === 'call_updated').map((event) => [event.data.recording_id, event.data.recording_ids]);
    expect(updates).toEqual([[recording.id, [recording.id]], [ZERO, [recording.id]]]);
  });

  it('records stereo as two channels: what the far end says on the left, what it hears on the right', async () => {
    const { recording } = await record({ format: 'wav', direction: 'both', channels: 'stereo' });
    const file = (await download(recording.url)).body;
    const info = wavInfo(file);
    expect(info.channelCount).toBe(2);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    // The simulator's far end speaks a 440 Hz tone and hears a 660 Hz one (its snoops spy in and out).
    const [left, right] = decodeWav(file).channels as [Int16Array, Int16Array];
    expect(Math.round(dominantHz(left) / 10) * 10).toBe(440);
    expect(Math.round(dominantHz(right) / 10) * 10).toBe(660);
  });

  it('records one direction only: `in` is the far end alone', async () => {
    const { recording } = await record({ direction: 'in' });
    const audio = decodeWav((await download(recording.url)).body);
    expect(audio.channels).toHaveLength(1);
    expect(Math.round(dominantHz(audio.channels[0]!) / 10) * 10).toBe(440);
  });

  it.each([
    ['mp3', 'mixed', 1],
    ['mp3', 'stereo', 2],
    ['ogg', 'mixed', 1],
    ['ogg', 'stereo', 2],
  ] as const)('converts to %s (%s): a real decoder reads the channels and the recorded length', async (format, channels, count) => {
    // MP3 carries ~0.15 s of encoder delay and padding (no gapless header): record long enough.
    const { recording } = await record({ format, channels }, format === 'mp3' ? 2.5 : 1.2);
    const file = await download(recording.url);
    expect(file.type).toBe(format === 'mp3' ? 'audio/mpeg' : 'audio/ogg');
    const decoded = await decodeAudio(format, file.body);
    expect(decoded.errors).toBe(0);
    expect(decoded.channels).toBe(count);
    expect(Math.abs(decoded.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
  });
});

describe('download URLs', () => {
  it('answers 403 for an expired URL and for a tampered one, and the file for a fresh one', async () => {
    const { recording } = await record({});
    const stored = await t.app.services.recordings.get(t.app.bootstrap!.customerId, recording.id);
    const expired = t.app.services.recordings.downloadUrl(stored, t.baseUrl, new Date(Date.now() - 2 * 3600 * 1000));
    expect((await download(expired!)).status).toBe(403);

    const url = new URL(recording.url as string);
    const tamperedSignature = new URL(url);
    const signature = url.searchParams.get('signature')!;
    tamperedSignature.searchParams.set('signature', `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`);
    expect((await download(tamperedSignature.toString())).status).toBe(403);
    const extended = new URL(url);
    extended.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3600));
    expect((await download(extended.toString())).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.search = '';
    expect((await download(unsigned.toString())).status).toBe(403);

    expect((await download(url.toString())).status).toBe(200);
  });

  it('signs URLs for an hour', async () => {
    const { recording } = await record({});
    const expires = Number(new URL(recording.url as string).searchParams.get('expires'));
    const hourFromNow = Date.now() / 1000 + 3600;
    expect(Math.abs(expires - hourFromNow)).toBeLessThan(60);
  });

  it('redirects GET /v1.0/recordingfiles/{id} to a freshly signed URL that serves the file', async () => {
    const { recording } = await record({});
    const answer = await rest('GET', `/recordingfiles/${recording.id}`);
    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(location).toContain(`/v1.0/recordingfiles/${recording.id}/download?`);
    const file = await download(location);
    expect(file.status).toBe(200);
    expect(wavInfo(file.body).channelCount).toBe(1);
    expect((await rest('GET', `/recordingfiles/${recording.id}`, { token: null })).status).toBe(401);
  });
});

describe('the rules of recording', () => {
  it('answers 409 to a second start while one is active, and lets a new one start after the stop', async () => {
    const call = await answeredCall();
    const first = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(first.status).toBe(200);
    const second = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(second.status).toBe(409);
    expect(second.body.error.reason).toBe('CONFLICT');
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ recording_id: first.body.id, recording_ids: [first.body.id] });

    await waitForRecording(first.body.id, (r) => r.status === 'recording', 'the first recording to start');
    expect((await rest('POST', `/calls/${call.id}/recording_stop`)).status).toBe(200);
    const third = await rest('POST', `/calls/${call.id}/recording_start`, { body: {} });
    expect(third.status).toBe(200);
    const list = await rest('GET', `/calls/${call.id}/recordings`);
    expect(list.body.result.map((r: Json) => r.id)).toEqual([first.body.id, third.body.id]);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ recording_id: third.body.id, recording_ids: [first.body.id, third.body.id] });
  });

  it('answers 409 for a ringing call and a hung-up one, and changes nothing', async () => {
    const created = await rest('POST', '/calls', { body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550002000' }] } });
    const id = created.body[0].id as string;
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
  ])('answers 400 naming the field for %j, and records nothing', async (options, field) => {
    const call = await answeredCall();
    const answer = await rest('POST', `/calls/${call.id}/recording_start`, { body: options });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(field);
    expect((await rest('GET', `/calls/${call.id}`)).body.recording_ids).toEqual([]);
  });

  it('hides another customer’s calls and recordings (404)', async () => {
    const { recording, call } = await record({});
    const other = await t.newCustomer();
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
    await waitForRecording(started.body.id, (r) => r.status === 'recording', 'the recording to start');
    await pause(800);
    await rest('POST', `/calls/${call.id}/hangup`);
    const recording = await waitForRecording(started.body.id, ended, 'the recording to be stored after hangup');
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
    await waitForRecording(started.body.id, (r) => r.status === 'recording', 'the recording to start');
    await pause(600);
    await simPost(`/sim/channels/${call.id}/hangup`, {});
    const recording = await waitForRecording(started.body.id, ended, 'the recording to be stored after the far end hung up');
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
    const recording = await waitForRecording(started.body.id, ended, 'the recording to end by itself');
    const info = wavInfo((await download(recording.url)).body);
    expect(info.durationMs).toBeGreaterThanOrEqual(900);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
    expect((await rest('GET', `/calls/${call.id}`)).body).toMatchObject({ status: 'progressing', recording_id: ZERO });
  });

  it('ends when the far end presses its end key (after another key)', async () => {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: { end_of_key: '#' } });
    await waitForRecording(started.body.id, (r) => r.status === 'recording', 'the recording to start');
    await simPost(`/sim/channels/${call.id}/dtmf`, { digits: '1' });
    await simPost(`/sim/channels/${call.id}/dtmf`, { digits: '#' });
    const recording = await waitForRecording(started.body.id, ended, 'the recording to end on #');
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
    expect((await rest('DELETE', `/recordings/${started.body.id}`)).status).toBe(409);
    // Nor is there a file to redirect to yet.
    expect((await rest('GET', `/recordingfiles/${started.body.id}`)).status).toBe(409);
    expect((await getRecording(started.body.id)).url).toBe('');
  });
});

const simPost = (path: string, body: unknown) => fetch(`${t.simUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('recording events', () => {
  it('recording_started, then recording_finished only once the file is stored, with its URL', async () => {
    const customerId = t.app.bootstrap!.customerId;
    const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`);
    const messages: Json[] = [];
    ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as Json));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'subscribe', topics: [`customer_id:${customerId}:recording:*`] }));
    await waitFor(async () => messages, (list) => list.some((m) => m.type === 'subscribed'), 'the subscription');

    const { recording } = await record({ channels: 'stereo' });
    const events = await waitFor(
      async () => messages.filter((m) => m.topic === `customer_id:${customerId}:recording:${recording.id}`),
      (list) => list.some((m) => m.type === 'recording_finished'),
      'recording_finished',
    );
    expect(events.map((m) => m.type)).toEqual(['recording_started', 'recording_finished']);
    expect(events[0]!.data).toMatchObject({ id: recording.id, status: 'recording', url: '' });
    const finished = events[1]!.data as Json;
    expect(finished).toMatchObject({ id: recording.id, status: 'ended', filename: `${recording.id}.wav` });
    const file = await download(`${t.baseUrl}${finished.url}`);
    expect(file.status).toBe(200);
    expect(wavInfo(file.body).channelCount).toBe(2);
    ws.close();
  });
});
