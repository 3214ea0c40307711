import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { restClient, voipbinDate, type Json } from './rest-client';
import { startTestApp, type TestApp } from './test-app';
import { waitFor } from './wait';

export const ZERO = '00000000-0000-0000-0000-000000000000';
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const ended = (recording: Json) => recording.status === 'ended' && recording.url !== '';

/** The recorded time by the recording's own clock (tm_start to tm_end), in ms. */
export const recordedMs = (recording: Json): number => voipbinDate(recording.tm_end).getTime() - voipbinDate(recording.tm_start).getTime();

export async function download(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

/** The frequency of a pure tone, from its zero crossings (two per cycle), where it sounds. */
export function dominantHz(track: Int16Array): number {
  const first = track.findIndex((sample) => sample !== 0);
  const last = track.findLastIndex((sample) => sample !== 0);
  const samples = track.subarray(first, last + 1);
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) if ((samples[i - 1]! < 0) !== (samples[i]! < 0)) crossings++;
  return crossings / 2 / (samples.length / 8000);
}

/**
 * The product for one recording test file (its own schema, Redis prefix and recording
 * directory) and the REST steps those tests repeat.
 */
export function recordingKit(env: Record<string, string> = {}) {
  const state: { t?: TestApp; dir?: string; rest?: ReturnType<typeof restClient> } = {};
  beforeAll(async () => {
    state.dir = await mkdtemp(join(tmpdir(), 'opencall-rec-'));
    state.t = await startTestApp({ RECORDING_DIR: state.dir, ...env });
    state.rest = restClient(state.t.baseUrl, state.t.accessKey);
  });
  afterAll(async () => {
    await state.t?.stop();
    if (state.dir) await rm(state.dir, { recursive: true, force: true });
  });

  const app = (): TestApp => state.t as TestApp;
  const rest: ReturnType<typeof restClient> = (...args) => (state.rest as ReturnType<typeof restClient>)(...args);
  const getRecording = async (id: string): Promise<Json> => (await rest('GET', `/recordings/${id}`)).body;
  const waitForRecording = (id: string, accept: (recording: Json) => boolean, what: string) => waitFor(() => getRecording(id), accept, what);

  async function answeredCall(target = '+15559876543', token = app().accessKey): Promise<Json> {
    const created = await rest('POST', '/calls', { token, body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target }] } });
    expect(created.status).toBe(200);
    const id = created.body.calls[0].id as string;
    return waitFor(async () => (await rest('GET', `/calls/${id}`, { token })).body, (call) => call.status === 'progressing', 'the call to be answered');
  }

  /** Records a call for a while through the API and answers the finished recording. */
  async function record(options: Json, seconds = 1.2): Promise<{ call: Json; recording: Json }> {
    const call = await answeredCall();
    const started = await rest('POST', `/calls/${call.id}/recording_start`, { body: options });
    expect(started.status).toBe(200);
    // As VoIPBIN's document says, the answer is the call, naming its new recording.
    expect(started.body).toMatchObject({ id: call.id, status: 'progressing', recording_id: expect.not.stringMatching(ZERO) });
    expect(started.body.recording_ids).toContain(started.body.recording_id);
    await waitForRecording(started.body.recording_id, (r) => r.status === 'recording', 'the recording to start');
    await pause(seconds * 1000); // audio to record; the checks measure the time from tm_start/tm_end
    const stopped = await rest('POST', `/calls/${call.id}/recording_stop`);
    expect(stopped.status).toBe(200);
    return { call, recording: await waitForRecording(started.body.recording_id, ended, 'the recording to be stored') };
  }

  const simPost = (path: string, body: unknown) =>
    fetch(`${app().simUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  return { app, rest, getRecording, waitForRecording, answeredCall, record, simPost };
}
