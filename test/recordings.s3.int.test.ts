import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { wavInfo } from '../src/audio/wav';
import { createS3FileStore } from '../src/storage/s3-file-store';
import { restClient, type Json } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Recording files in an S3-compatible bucket: s3rver, an S3 HTTP server, stands in for AWS S3 /
 * MinIO. It checks the access key of every request but not the Signature V4 arithmetic (aws4
 * computes that; a real bucket checks it).
 */
let s3: { close(): Promise<void> };
let t: TestApp;
let dir: string;
let rest: ReturnType<typeof restClient>;
const bucket = 'opencall-recordings';
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opencall-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  s3 = server;
  endpoint = `http://127.0.0.1:${port}`;
  t = await startTestApp({
    RECORDING_STORE: 's3',
    RECORDING_S3_ENDPOINT: endpoint,
    RECORDING_S3_BUCKET: bucket,
    RECORDING_S3_ACCESS_KEY_ID: 'S3RVER',
    RECORDING_S3_SECRET_ACCESS_KEY: 'S3RVER',
  });
  rest = restClient(t.baseUrl, t.accessKey);
});
afterAll(async () => {
  await t?.stop();
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

it('stores the recording in the bucket, serves it through the signed URL, and removes it on delete', async () => {
  const created = await rest('POST', '/calls', { body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] } });
  const callId = created.body.calls[0].id as string;
  await waitFor(async () => (await rest('GET', `/calls/${callId}`)).body.status, (status) => status === 'progressing', 'the call to be answered');
  const started = await rest('POST', `/calls/${callId}/recording_start`, { body: { channels: 'stereo' } });
  await waitFor(async () => (await rest('GET', `/recordings/${started.body.recording_id}`)).body.status, (status) => status === 'recording', 'the recording to start');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await rest('POST', `/calls/${callId}/recording_stop`);
  const recording: Json = await waitFor(async () => (await rest('GET', `/recordings/${started.body.recording_id}`)).body, (r) => r.url !== '', 'the file to be stored');

  const served = await fetch(recording.url as string);
  expect(served.status).toBe(200);
  const file = Buffer.from(await served.arrayBuffer());
  expect(wavInfo(file).channelCount).toBe(2);

  // The object is in the bucket, byte for byte (read with a signed S3 request of our own).
  const bucketStore = createS3FileStore({ endpoint, bucket, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
  const key = `${t.app.bootstrap!.customerId}/${recording.id}.wav`;
  expect((await bucketStore.get(key))?.equals(file)).toBe(true);

  expect((await rest('DELETE', `/recordings/${recording.id}`)).status).toBe(200);
  expect(await bucketStore.get(key)).toBeNull();
});

it('fails loudly when the bucket refuses the credentials', async () => {
  const wrong = createS3FileStore({ endpoint, bucket, region: 'us-east-1', accessKeyId: 'NOT-A-KEY', secretAccessKey: 'S3RVER' });
  await expect(wrong.get('00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-000000000001.wav')).rejects.toThrow(/403/);
});
