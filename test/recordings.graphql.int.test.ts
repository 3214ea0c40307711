import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavInfo } from '../src/audio/wav';
import {
  CallsWithRecordingsDocument,
  CreateCallsDocument,
  DeleteRecordingDocument,
  GetCallDocument,
  GetRecordingDocument,
  ListRecordingsDocument,
  StartRecordingDocument,
  StopRecordingDocument,
} from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opencall-rec-gql-'));
  t = await startTestApp({ RECORDING_DIR: dir, PUBLIC_URL: PUBLIC });
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** What the API is known as from outside (behind a proxy, say): download URLs are made on it. */
const PUBLIC = 'https://api.example.test';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answeredCall(target = '+15559876543'): Promise<string> {
  const created = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target }] } });
  const id = created.data!.createCalls[0]!.id;
  await waitFor(async () => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id })).data?.call?.status, (status) => status === 'PROGRESSING', 'the call to be answered');
  return id;
}

const getRecording = async (id: string, token = t.accessKey) => (await graphql(t.baseUrl, token, GetRecordingDocument, { id })).data?.recording ?? null;

describe('recordings through GraphQL', () => {
  it('startRecording, stopRecording: the recording ends with a stereo file behind its download URL', async () => {
    const callId = await answeredCall();
    const started = await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId, input: { format: 'WAV', channels: 'STEREO', direction: 'BOTH' } });
    expect(started.errors).toBeUndefined();
    const id = started.data!.startRecording.id;
    expect(started.data!.startRecording).toMatchObject({ callId, status: 'INITIATING', channels: 'STEREO', downloadUrl: null });
    await waitFor(() => getRecording(id), (r) => r?.status === 'RECORDING', 'the recording to start');
    await pause(800);
    const stopped = await graphql(t.baseUrl, t.accessKey, StopRecordingDocument, { callId });
    expect(stopped.errors).toBeUndefined();
    const ended = await waitFor(() => getRecording(id), (r) => r?.status === 'ENDED' && r.downloadUrl !== null, 'the recording to be stored');
    expect(ended!.downloadUrl!.startsWith(`${PUBLIC}/v1.0/recordingfiles/${id}/download?`)).toBe(true);
    const response = await fetch(ended!.downloadUrl!.replace(PUBLIC, t.baseUrl));
    expect(response.status).toBe(200);
    const info = wavInfo(Buffer.from(await response.arrayBuffer()));
    expect(info.channelCount).toBe(2);
    const recordedMs = new Date(ended!.endedAt!).getTime() - new Date(ended!.startedAt!).getTime();
    expect(Math.abs(info.durationMs - recordedMs)).toBeLessThanOrEqual(recordedMs * 0.1);

    const list = await graphql(t.baseUrl, t.accessKey, ListRecordingsDocument, { first: 10 });
    expect(list.data!.recordings.nodes.map((r) => r.id)).toContain(id);
    const deleted = await graphql(t.baseUrl, t.accessKey, DeleteRecordingDocument, { id });
    expect(deleted.errors).toBeUndefined();
    expect(await getRecording(id)).toBeNull();
  });

  it('Call.recordings lists each call’s recordings (batched for a page of calls)', async () => {
    const [a, b] = [await answeredCall(), await answeredCall()];
    const ra = (await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId: a })).data!.startRecording.id;
    const rb = (await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId: b })).data!.startRecording.id;
    const calls = (await graphql(t.baseUrl, t.accessKey, CallsWithRecordingsDocument, { first: 100 })).data!.calls.nodes;
    expect(calls.find((c) => c.id === a)).toMatchObject({ recordingId: ra, recordingIds: [ra], recordings: [{ id: ra, callId: a }] });
    expect(calls.find((c) => c.id === b)).toMatchObject({ recordingId: rb, recordingIds: [rb], recordings: [{ id: rb, callId: b }] });
  });

  it('answers CALL_ALREADY_RECORDING for a second start, VALIDATION_FAILED naming the field, CALL_NOT_FOUND for another customer', async () => {
    const callId = await answeredCall();
    expect((await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId })).errors).toBeUndefined();
    const second = await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId });
    expect(second.errors?.[0]?.extensions?.code).toBe('CALL_ALREADY_RECORDING');

    const other = await answeredCall();
    const bad = await graphql(t.baseUrl, t.accessKey, StartRecordingDocument, { callId: other, input: { endOfSilence: -5 } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'endOfSilence' });
    expect(bad.errors?.[0]?.message).toMatch(/^endOfSilence: /);

    const stranger = await t.newCustomer();
    const foreign = await graphql(t.baseUrl, stranger.token, StartRecordingDocument, { callId: other });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
    expect((await graphql(t.baseUrl, stranger.token, StopRecordingDocument, { callId })).errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
  });
});
