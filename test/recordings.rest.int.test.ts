import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavInfo } from '../src/audio/wav';
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
async function record(options: Json): Promise<{ call: Json; recording: Json }> {
  const call = await answeredCall();
  const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: options });
  expect(started.status).toBe(200);
  expect(started.body).toMatchObject({ reference_type: 'call', reference_id: call.id, status: 'initiating', url: '' });
  await waitForRecording(started.body.id, (r) => r.status === 'recording', 'the recording to start');
  await pause(1200); // audio to record; the checks below measure the time from tm_start/tm_end
  const stopped = await rest('POST', `/calls/${call.id}/recording_stop`);
  expect(stopped.status).toBe(200);
  return { call, recording: await waitForRecording(started.body.id, ended, 'the recording to be stored') };
}

async function download(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
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
  });

  it('records stereo as two channels (in left, out right)', async () => {
    const { recording } = await record({ format: 'wav', direction: 'both', channels: 'stereo' });
    const info = wavInfo((await download(recording.url)).body);
    expect(info.channelCount).toBe(2);
    expect(Math.abs(info.durationMs - recordedMs(recording))).toBeLessThanOrEqual(recordedMs(recording) * 0.1);
  });
});
