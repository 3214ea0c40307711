import { restCall } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * Webhooks carry every resource in its REST shape, not the stored row: an activeflow as
 * GET /v1.0/activeflows/{id} shows it, a recording as GET /v1.0/recordings/{id} shows it (with its
 * signed download URL once finished).
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_SWEEP_MS: '300' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);
const bodiesOf = (type: string) => receiver.received.filter((entry) => entry.body.type === type).map((entry) => entry.body.data);

it('sends activeflow and recording events in the REST shape', async () => {
  expect((await rest('POST', '/webhooks', { url: receiver.url('/all'), events: ['activeflow_created', 'activeflow_updated', 'recording_started', 'recording_finished'] })).status).toBe(200);
  const created = await rest('POST', '/calls', {
    source: { type: 'tel', target: '+15551234567' },
    destinations: [{ type: 'tel', target: '+15559876543' }],
    actions: [{ type: 'sleep', option: { duration: 600000 } }],
  });
  const callId = created.body.calls[0].id as string;
  await waitFor(async () => (await rest('GET', `/calls/${callId}`)).body.status, (status) => status === 'progressing', 'the call to be answered');
  const recording = await rest('POST', `/calls/${callId}/recording_start`, {});
  expect(recording.status).toBe(200);
  await waitFor(async () => (await rest('GET', `/recordings/${recording.body.recording_id}`)).body.status, (status) => status === 'recording', 'the recording to start');
  expect((await rest('POST', `/calls/${callId}/hangup`)).status).toBe(200);

  const [finished] = await waitFor(async () => bodiesOf('recording_finished'), (list) => list.length === 1, 'recording_finished');
  const stored = (await rest('GET', `/recordings/${recording.body.recording_id}`)).body;
  expect(finished).toMatchObject({ id: stored.id, status: 'ended', reference_id: callId, format: stored.format, tm_start: stored.tm_start, tm_end: stored.tm_end });
  expect(String(finished!.url)).toMatch(/\/v1\.0\/recordingfiles\/.+signature=/);
  expect(finished).not.toHaveProperty('customer_id_uuid');
  expect(finished).not.toHaveProperty('finished_parts');

  const [started] = await waitFor(async () => bodiesOf('activeflow_created'), (list) => list.length === 1, 'activeflow_created');
  const activeflow = (await rest('GET', `/activeflows/${started!.id}`)).body;
  // At its creation it has no action yet, so no current_action; otherwise the same fields.
  expect(Object.keys(started!).sort()).toEqual(Object.keys(activeflow).filter((key) => key !== 'current_action').sort());
  expect(started).not.toHaveProperty('current_action');
  expect(started).toMatchObject({ id: activeflow.id, reference_id: callId, flow_id: activeflow.flow_id });
  expect(started).not.toHaveProperty('loop_counts');
});
