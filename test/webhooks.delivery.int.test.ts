import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { restCall } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { allDeliveries, type Delivery } from './support/webhook-deliveries';
import { startReceiver, type Receiver, type Received } from './support/webhook-receiver';

/**
 * The delivery guarantees, against a real HTTP receiver: retries on 5xx and timeouts with the same
 * delivery id and body, no retry on 4xx, per-resource order per endpoint even while retrying, every
 * event at least once, one call_hungup per call and last.
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_TIMEOUT_MS: '2000', WEBHOOK_SWEEP_MS: '300' });
  receiver = await startReceiver((request) => responders[request.path]?.(request) ?? 200);
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

type Responder = Parameters<typeof startReceiver>[0] & {};
const responders: Record<string, Responder> = {};

const rest = (method: string, path: string, body?: unknown, token = t.accessKey) => restCall(t.baseUrl, token, method, path, body);


async function webhook(path: string, events: string[] = ['*'], token = t.accessKey): Promise<string> {
  const answer = await rest('POST', '/webhooks', { url: receiver.url(path), events }, token);
  expect(answer.status).toBe(200);
  return answer.body.id as string;
}

async function call(target: string): Promise<string> {
  const answer = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target }] });
  expect(answer.status).toBe(200);
  return answer.body.calls[0].id as string;
}

const deliveries = (webhookId: string, token = t.accessKey): Promise<Delivery[]> => allDeliveries(t.baseUrl, token, webhookId);

/**
 * Waits for `count` deliveries that are no longer pending; with `resourceIds`, only theirs count
 * (calls of earlier tests may still end — a ringing call hangs up at its dial timeout — and their
 * events reach every webhook that takes them).
 */
const settled = async (webhookId: string, count: number, resourceIds?: readonly string[]) =>
  (
    await waitFor(
      async () => (await deliveries(webhookId)).filter((item) => !resourceIds || resourceIds.includes(item.resource_id)),
      (list) => list.length === count && list.every((item) => item.status !== 'pending'),
      `${count} settled deliveries`,
      60_000,
    )
  );

const requestsTo = (path: string): Received[] => receiver.received.filter((entry) => entry.path === path);

async function sql<Row extends object>(text: string, values: unknown[]): Promise<Row[]> {
  const pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
  try {
    return (await pg.query<Row>(text, values)).rows;
  } finally {
    await pg.end();
  }
}

async function insertDeliveries(webhookId: string, callId: string): Promise<void> {
  // What the dispatcher's statement writes, with no job ever enqueued for it.
  await sql(
    `INSERT INTO webhook_deliveries (id, webhook_id, customer_id, event_id, event_type, resource_type, resource_id, sequence)
     SELECT gen_random_uuid(), $1, customer_id, id, type, resource_type, resource_id, sequence FROM events WHERE resource_id = $2`,
    [webhookId, callId],
  );
}

async function busyCall(): Promise<string> {
  const callId = await call('+15550001003'); // busy at once: created, then hung up
  await waitFor(async () => (await rest('GET', `/calls/${callId}`)).body.status, (status) => status === 'hangup', 'the call over');
  // Its last event is written with the hangup; once the dispatcher has published it, a webhook made now has none of its deliveries.
  const unpublished = async () => (await sql<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE resource_id = $1 AND published_at IS NULL', [callId]))[0]!.count;
  await waitFor(unpublished, (count) => count === 0, 'the call’s events published');
  return callId;
}

it('cancels the pending deliveries of a webhook disabled since they were made, sending nothing', async () => {
  const callId = await busyCall();
  const id = await webhook('/disabled-later');
  await rest('PUT', `/webhooks/${id}`, { status: 'disabled' });
  await insertDeliveries(id, callId);
  const list = await settled(id, 2, [callId]);
  expect(list.map((item) => [item.status, item.error])).toEqual([['canceled', 'the webhook is disabled or deleted'], ['canceled', 'the webhook is disabled or deleted']]);
  expect(requestsTo('/disabled-later')).toEqual([]);
});

it('cancels pending deliveries when the webhook is deleted; its history then answers 404', async () => {
  responders['/deleted'] = () => ({ holdMs: 10_000, then: 503 });
  const id = await webhook('/deleted', ['call_created']);
  await call('+15550001004');
  await waitFor(async () => requestsTo('/deleted').length, (count) => count >= 1, 'the first attempt in flight');
  expect((await rest('DELETE', `/webhooks/${id}`)).status).toBe(200);
  const rows = await sql<{ status: string; error: string }>('SELECT status, error FROM webhook_deliveries WHERE webhook_id = $1', [id]);
  expect(rows).toEqual([{ status: 'canceled', error: 'the webhook was deleted' }]);
  expect((await rest('GET', `/webhooks/${id}/deliveries`)).status).toBe(404);
});

it('sends a delivery whose wake-up was lost (a crash between the dispatcher’s commit and its enqueue)', async () => {
  const callId = await busyCall();
  const id = await webhook('/lost-wakeup'); // made after the call's events were published: it has no deliveries of them
  await insertDeliveries(id, callId);
  const list = await settled(id, 2, [callId]);
  expect(list.map((item) => item.status)).toEqual(['delivered', 'delivered']);
  expect(receiver.accepted('/lost-wakeup').filter((entry) => entry.body.data.id === callId).map((entry) => entry.body.type)).toEqual(['call_created', 'call_hungup']);
});

it('retries a 5xx with the same delivery id and body until it is accepted', async () => {
  responders['/flaky'] = ({ attempt }) => (attempt <= 2 ? 500 : 200);
  const id = await webhook('/flaky', ['call_created']);
  await call('+15550002001');
  const [delivery] = await settled(id, 1);
  expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, http_code: 200, event_type: 'call_created' });
  const requests = requestsTo('/flaky');
  expect(requests.map((entry) => entry.deliveryId)).toEqual([delivery!.id, delivery!.id, delivery!.id]);
  expect(new Set(requests.map((entry) => entry.raw)).size).toBe(1);
  expect(requests.map((entry) => entry.answered)).toEqual([500, 500, 200]);
});

it('does not retry a 4xx', async () => {
  responders['/reject'] = () => 400;
  const id = await webhook('/reject', ['call_created']);
  await call('+15550002002');
  const [delivery] = await settled(id, 1);
  expect(delivery).toMatchObject({ status: 'failed', attempts: 1, http_code: 400, error: expect.stringContaining('400') });
  expect(requestsTo('/reject')).toHaveLength(1);
});

it('retries a timeout, and gives up after three retries', async () => {
  responders['/slow'] = ({ attempt }) => (attempt === 1 ? { holdMs: 5000, then: 200 } : 200);
  responders['/down'] = () => 503;
  const slow = await webhook('/slow', ['call_created']);
  const down = await webhook('/down', ['call_created']);
  await call('+15550002003');
  const [late] = await settled(slow, 1);
  expect(late).toMatchObject({ status: 'delivered', attempts: 2, http_code: 200 });
  expect(new Set(requestsTo('/slow').map((entry) => entry.deliveryId))).toEqual(new Set([late!.id]));
  const [dead] = await settled(down, 1);
  expect(dead).toMatchObject({ status: 'failed', attempts: 4, http_code: 503, error: expect.stringContaining('gave up after 4 attempts') });
  expect(requestsTo('/down')).toHaveLength(4);
});

it('keeps a call’s events in order behind one that is being retried, until it is given up', async () => {
  responders['/blocked'] = ({ body }) => (body.type === 'call_created' ? 500 : 200);
  const id = await webhook('/blocked');
  const callId = await call('+15550005002'); // rings, answers, hangs up
  const list = await waitFor(
    async () => (await deliveries(id)).filter((item) => item.resource_id === callId),
    (items) => items.some((item) => item.event_type === 'call_hungup') && items.every((item) => item.status !== 'pending'),
    'every event settled',
    60_000,
  );
  const bySequence = [...list].sort((x, y) => x.sequence - y.sequence);
  expect(bySequence[0]).toMatchObject({ event_type: 'call_created', status: 'failed', attempts: 4 });
  expect(bySequence.slice(1).every((item) => item.status === 'delivered')).toBe(true);
  // Arrival order at the receiver: every attempt of an event before the first of the next one.
  const sequenceOf = new Map(list.map((item) => [item.id, item.sequence]));
  const arrived = requestsTo('/blocked').filter((entry) => entry.body.data.id === callId).map((entry) => sequenceOf.get(entry.deliveryId)!);
  expect(arrived).toEqual([...arrived].sort((x, y) => x - y));
  expect(arrived.filter((sequence) => sequence === 1)).toHaveLength(4);
});

it('brings every event of many calls to every matching active webhook, in order, with one call_hungup each, last', async () => {
  // Some deliveries fail once or twice (never four times), decided by their id: no randomness.
  const failures = (deliveryId: string) => createHash('sha256').update(deliveryId).digest()[0]! % 3;
  responders['/many'] = ({ deliveryId, attempt }) => (attempt <= failures(deliveryId) ? 502 : attempt === 1 && failures(deliveryId) === 0 ? { holdMs: 30, then: 200 } : 200);
  const many = await webhook('/many');
  const hungupOnly = await webhook('/hungup-only', ['call_hungup']);
  const disabled = await webhook('/off');
  await rest('PUT', `/webhooks/${disabled}`, { status: 'disabled' });
  const b = await t.newCustomer('B');
  const other = await webhook('/other-customer', ['*'], b.token);

  const targets = Array.from({ length: 24 }, (_, index) => ['+15550005', '+15550001', '+15550003'][index % 3]! + String(100 + index));
  const callIds = await Promise.all(targets.map((target) => call(target)));
  await waitFor(async () => Promise.all(callIds.map(async (id) => (await rest('GET', `/calls/${id}`)).body.status)), (states) => states.every((state) => state === 'hangup'), 'every call hung up', 30_000);
  const events = new Map<string, { type: string; sequence: number }[]>();
  for (const id of callIds) events.set(id, (await rest('GET', `/calls/${id}/events`)).body.result);
  const total = [...events.values()].reduce((sum, list) => sum + list.length, 0);

  const list = await settled(many, total, callIds);
  expect(list.every((item) => item.status === 'delivered')).toBe(true);
  const byId = new Map(list.map((item) => [item.id, item]));
  const accepted = receiver.accepted('/many').filter((entry) => callIds.includes(entry.body.data.id));
  // At least once: every stored event of every call reached the receiver.
  expect(new Set(accepted.map((entry) => `${entry.body.data.id}:${byId.get(entry.deliveryId)!.sequence}`))).toEqual(
    new Set([...events].flatMap(([id, history]) => history.map((event) => `${id}:${event.sequence}`))),
  );
  for (const id of callIds) {
    const seen = accepted.filter((entry) => entry.body.data.id === id);
    const sequences = seen.map((entry) => byId.get(entry.deliveryId)!.sequence);
    expect(sequences).toEqual([...sequences].sort((x, y) => x - y)); // in per-call order
    expect(new Set(seen.filter((entry) => entry.body.type === 'call_hungup').map((entry) => entry.deliveryId)).size).toBe(1);
    expect(seen.at(-1)!.body.type).toBe('call_hungup');
    expect(seen.at(-1)!.body.data.status).toBe('hangup');
  }
  // The filtered webhook got exactly the hangups; the disabled one and another customer's got nothing.
  const hungups = await settled(hungupOnly, callIds.length, callIds);
  expect(new Set(hungups.map((item) => item.resource_id))).toEqual(new Set(callIds));
  expect(hungups.every((item) => item.event_type === 'call_hungup')).toBe(true);
  expect(await deliveries(disabled)).toEqual([]);
  expect(requestsTo('/off')).toEqual([]);
  expect(await deliveries(other, b.token)).toEqual([]);
  expect(requestsTo('/other-customer')).toEqual([]);
}, 120_000);
