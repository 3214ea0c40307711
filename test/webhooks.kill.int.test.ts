import type { RunningSimulator } from '../src/telephony/simulator';
import { restCall } from './support/rest-client';
import { startStandaloneSimulator } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { allDeliveries } from './support/webhook-deliveries';
import { startReceiver, type Receiver } from './support/webhook-receiver';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * Killing the worker process in the middle of deliveries loses nothing: the API runs here, the
 * workers are real processes; the first is SIGKILLed while a delivery is in flight, a second one
 * takes over, and the receiver ends up with every event of every call, in order per call.
 */
let t: TestApp;
let sim: RunningSimulator;
let receiver: Receiver;
const workers: WorkerProcess[] = [];
const CALLS = 20;
const KILL_AT = 5;

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' }, 'api');
  sim = await startStandaloneSimulator(t.config);
  receiver = await startReceiver();
});
afterAll(async () => {
  for (const worker of workers) await worker.kill('SIGKILL');
  await t?.stop();
  await sim?.close();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);

const startWorker = () => {
  const worker = spawnWorker({
  ...workerEnv(t.config, sim.url, {
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOK_TIMEOUT_MS: '2000', // a killed sender's lease (2 × timeout + 1 s) runs out soon
      WEBHOOK_BACKOFF_MS: '50',
      WEBHOOK_SWEEP_MS: '300',
      // The hangup jobs the killed worker held come back to the next one after their lock (30 s by
      // default) and a stalled check: under a loaded machine that came close to the wait below.
      JOB_LOCK_MS: '3000',
  }),
  });
  workers.push(worker);
  return worker;
};

it('loses no event when the worker is killed mid-stream', async () => {
  const webhookId = (await rest('POST', '/webhooks', { url: receiver.url('/kill') })).body.id as string;
  const deliveries = () => allDeliveries(t.baseUrl, t.accessKey, webhookId);
  const first = startWorker();
  let hangups = 0;
  let killed = false;
  receiver.setResponder(({ body }) => {
    if (body.type === 'call_hungup' && ++hangups === KILL_AT) {
      killed = true;
      first.child.kill('SIGKILL'); // while this call_hungup waits for its answer: the call's last event
      return { holdMs: 60_000, then: 200 };
    }
    return { holdMs: 10, then: 200 };
  });

  const created = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: Array.from({ length: CALLS }, (_, index) => ({ type: 'tel', target: `+1555900${String(1000 + index)}` })) });
  expect(created.status).toBe(200);
  const callIds = (created.body.calls as { id: string }[]).map((call) => call.id);
  const states = () => Promise.all(callIds.map(async (id) => (await rest('GET', `/calls/${id}`)).body.status as string));
  await waitFor(states, (list) => list.every((state) => state === 'progressing'), 'every call answered', 60_000);

  // The calls stay up until hung up; their call_hungup deliveries are the stream the kill cuts.
  await Promise.all(callIds.map((id) => rest('POST', `/calls/${id}/hangup`)));
  await first.exited;
  expect(killed).toBe(true);
  const atKill = await deliveries();
  expect(atKill.some((item) => item.status === 'pending' && item.event_type === 'call_hungup')).toBe(true); // the kill really came mid-stream
  startWorker();
  await waitFor(states, (list) => list.every((state) => state === 'hangup'), 'every call hung up', 90_000);

  const events = new Map<string, { sequence: number; type: string }[]>();
  for (const id of callIds) events.set(id, (await rest('GET', `/calls/${id}/events`)).body.result);
  const expected = new Set([...events].flatMap(([id, history]) => history.map((event) => `${id}:${event.sequence}`)));
  const list = await waitFor(
    deliveries,
    (items) => items.length === expected.size && items.every((item) => item.status === 'delivered'),
    'every delivery made',
    90_000,
  );

  const byId = new Map(list.map((item) => [item.id, item]));
  const accepted = receiver.accepted('/kill');
  expect(new Set(accepted.map((entry) => `${entry.body.data.id}:${byId.get(entry.deliveryId)!.sequence}`))).toEqual(expected);
  for (const id of callIds) {
    const seen = accepted.filter((entry) => entry.body.data.id === id);
    const sequences = seen.map((entry) => byId.get(entry.deliveryId)!.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y));
    expect(new Set(seen.filter((entry) => entry.body.type === 'call_hungup').map((entry) => entry.deliveryId)).size).toBe(1);
    expect(seen.at(-1)!.body.type).toBe('call_hungup');
  }
}, 150_000);
