import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeWav, wavInfo } from '../src/audio/wav';
import ttsCall from './fixtures/spec-call-tts.json';
import { decodeAudio } from './support/decode-audio';
import { createCalls, farEnd, heard, waitForActiveflow, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { voipbinDate } from './support/rest-client';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opencall-flow-rec-'));
  t = await startTestApp({ RECORDING_DIR: dir });
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

const withActions = (actions: unknown[]) => ({ ...ttsCall, actions });
/** A prompt of about `ms` on the simulator (40 ms + 2 ms per character): audio for the recording. */
const talkFor = (ms: number, word = 'recorded ') => ({ type: 'talk', option: { text: word.repeat(Math.ceil((ms - 40) / 2 / word.length)), language: 'en-US' } });
const talk = (text: string) => ({ type: 'talk', option: { text, language: 'en-US' } });

const recordingsOf = async (callId: string): Promise<Json[]> => (await rest(t, 'GET', `/calls/${callId}/recordings`)).body.result as Json[];
const stored = (recording: Json) => recording.status === 'ended' && recording.url !== '';
/** The call's recordings once `count` of them are ended and stored. */
const waitForStored = (callId: string, count = 1) =>
  waitFor(() => recordingsOf(callId), (list) => list.length === count && list.every(stored), `${count} stored recording(s) of call ${callId}`);
const endedFlow = (callId: string) => waitForActiveflow(t, callId, (flow) => flow.status === 'ended', 'the flow to end');
const recordedMs = (recording: Json) => voipbinDate(recording.tm_end).getTime() - voipbinDate(recording.tm_start).getTime();

async function download(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
  const response = await fetch(url);
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type') };
}

test('record_start, talk, record_stop: the call has a finished WAV recording of the prompt, downloadable through its signed URL', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'answer' }, { type: 'record_start', option: { format: 'wav' } }, talkFor(1200), { type: 'record_stop' }, { type: 'hangup' }]));
  await waitForHangup(t, call!.id);
  const [recording] = await waitForStored(call!.id);
  expect(recording).toMatchObject({ reference_type: 'call', reference_id: call!.id, format: 'wav', direction: 'both', channels: 'mixed', customer_id: t.app.bootstrap!.customerId });

  const file = await download(recording!.url);
  expect(file.status).toBe(200);
  expect(file.type).toBe('audio/wav');
  const info = wavInfo(file.body);
  expect(info.channelCount).toBe(1);
  // The file is as long as the recording's own media-server times say.
  expect(Math.abs(info.durationMs - recordedMs(recording!))).toBeLessThanOrEqual(recordedMs(recording!) * 0.1);
  expect(decodeWav(file.body).channels[0]!.some((sample) => sample !== 0)).toBe(true);

  const flow = await endedFlow(call!.id);
  expect(flow.executed_actions.map((action: Json) => [action.type, action.error ?? null])).toEqual([
    ['answer', null],
    ['record_start', null],
    ['talk', null],
    ['record_stop', null],
    ['hangup', null],
  ]);
});

test('recording_start (canonical name) with format mp3 and stereo: the file decodes as two-channel MP3', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'recording_start', option: { format: 'mp3', channels: 'stereo' } }, talkFor(2500), { type: 'recording_stop' }]));
  await waitForHangup(t, call!.id);
  const [recording] = await waitForStored(call!.id);
  expect(recording).toMatchObject({ format: 'mp3', channels: 'stereo' });
  const file = await download(recording!.url);
  expect(file.type).toBe('audio/mpeg');
  const decoded = await decodeAudio('mp3', file.body);
  expect(decoded.errors).toBe(0);
  expect(decoded.channels).toBe(2);
  expect(decoded.durationMs).toBeGreaterThan(recordedMs(recording!) * 0.9);
});

test('a recording the flow started and never stopped still ends with its file when the flow hangs the call up', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'record_start', option: { format: 'wav' } }, talkFor(800), { type: 'hangup' }]));
  const ended = await waitForHangup(t, call!.id);
  const [recording] = await waitForStored(call!.id);
  expect(wavInfo((await download(recording!.url)).body).durationMs).toBeGreaterThan(0);
  expect(ended.recording_ids).toEqual([recording!.id]);
  // The hangup released the call's active recording.
  expect((await rest(t, 'GET', `/calls/${call!.id}`)).body.recording_id).toBe('00000000-0000-0000-0000-000000000000');
  expect((await endedFlow(call!.id)).executed_actions.map((action: Json) => action.error ?? null)).toEqual([null, null, null]);
});

test('record_stop with no active recording records its error on the activeflow and the flow goes on', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'record_stop' }, talk('after the stop')]));
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual(['after the stop']);
  const flow = await endedFlow(call!.id);
  expect(flow.executed_actions[0]).toMatchObject({ type: 'record_stop', error: 'The call is not being recorded.' });
  expect(flow.executed_actions[1]).toEqual(expect.not.objectContaining({ error: expect.anything() }));
  expect(await recordingsOf(call!.id)).toEqual([]);
});

test('a second recording_start while one is active is refused as the API refuses it; the first recording goes on and is stored', async () => {
  const [call] = await createCalls(t, withActions([
    { type: 'recording_start', option: { format: 'wav' } },
    { type: 'recording_start', option: { format: 'mp3' } },
    talkFor(600),
    { type: 'recording_stop' },
  ]));
  await waitForHangup(t, call!.id);
  const [recording] = await waitForStored(call!.id);
  expect(recording).toMatchObject({ format: 'wav' });
  const flow = await endedFlow(call!.id);
  expect(flow.executed_actions[0]).toEqual(expect.not.objectContaining({ error: expect.anything() }));
  expect(flow.executed_actions[1]).toMatchObject({ type: 'recording_start', error: expect.stringContaining('already being recorded') });
  expect(flow.executed_actions[3]).toEqual(expect.not.objectContaining({ error: expect.anything() }));
});

test('a recording ended on its own (duration) leaves record_stop nothing to stop: its error is recorded, the file is still stored', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'record_start', option: { format: 'wav', duration: 1 } }, talkFor(2000), { type: 'record_stop' }]));
  await waitForHangup(t, call!.id);
  const [recording] = await waitForStored(call!.id);
  expect(recordedMs(recording!)).toBeLessThan(1800);
  const flow = await endedFlow(call!.id);
  expect(flow.executed_actions[2]).toMatchObject({ type: 'record_stop', error: 'The call is not being recorded.' });
});

test('the spec callback example: record_start before connect records the bridged conversation; record_stop after it stores the file', async () => {
  const connect = { type: 'connect', option: { source: { type: 'tel', target: ttsCall.source.target }, destinations: [{ type: 'tel', target: '+15552222222' }] } };
  const [call] = await createCalls(t, withActions([talk('please hold'), { type: 'record_start', option: { direction: 'both', format: 'wav' } }, connect, { type: 'record_stop' }]));
  const master = call!.id as string;
  const chained = await waitFor(() => rest(t, 'GET', `/calls/${master}`), (answer) => answer.body.chained_call_ids.length === 1, 'the connect to make its leg');
  const leg = chained.body.chained_call_ids[0] as string;
  await waitFor(() => farEnd(t, master), (far) => (far?.bridged_with as string[] | undefined)?.includes(leg) === true, 'the call bridged with its leg');
  // Recording through the bridge: the snoops of the bridged call record.
  await waitFor(() => recordingsOf(master), (list) => list.length === 1 && list[0]!.status === 'recording', 'the recording to run while bridged');
  expect((await simPost(t.simUrl, `/sim/channels/${leg}/hangup`)).status).toBe(204);

  await waitForHangup(t, master);
  const [recording] = await waitForStored(master);
  expect(decodeWav((await download(recording!.url)).body).channels[0]!.some((sample) => sample !== 0)).toBe(true);
  const flow = await endedFlow(master);
  expect(flow.executed_actions.map((action: Json) => [action.type, action.error ?? null])).toEqual([
    ['talk', null],
    ['record_start', null],
    ['connect', null],
    ['record_stop', null],
  ]);
});

test('an incoming call: record_start before answer is refused (the call is not progressing yet); after answer it records', async () => {
  const actions = [{ type: 'record_start' }, { type: 'answer' }, { type: 'record_start', option: { format: 'wav' } }, talkFor(600), { type: 'hangup' }];
  const flow = await rest(t, 'POST', '/flows', { name: 'recorded reception', actions });
  expect(flow.status).toBe(200);
  expect((await rest(t, 'POST', '/numbers', { number: '+15558884321', call_flow_id: flow.body.id })).status).toBe(200);
  const dialed = await simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: '+15557770042' }, destination: { type: 'tel', target: '+15558884321' } });
  const channelId = ((await dialed.json()) as { channel_id: string }).channel_id;
  await waitFor(() => rest(t, 'GET', `/calls/${channelId}`), (answer) => answer.status === 200, 'the incoming call');

  await waitForHangup(t, channelId);
  const [recording] = await waitForStored(channelId);
  expect(recording).toMatchObject({ format: 'wav', reference_id: channelId });
  const activeflow = await endedFlow(channelId);
  expect(activeflow.executed_actions[0]).toMatchObject({ type: 'record_start', error: expect.stringMatching(/ringing/) });
  expect(activeflow.executed_actions.slice(1).map((action: Json) => action.error ?? null)).toEqual([null, null, null, null]);
});
