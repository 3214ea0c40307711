import WebSocket from 'ws';
import { rest, type Json } from './support/rest';
import { BUSY, SOURCE } from './support/groupcalls';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/** Groupcall events reach webhooks and /v1.0/ws topics in the REST shape, each with its own sequence. */
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

const body = (destinations: Json[]) => ({ source: SOURCE, destinations, ring_method: 'ring_all', answer_method: 'hangup_others' });

it('sends groupcall_created and exactly one groupcall_hangup to a webhook asking for them', async () => {
  expect((await rest(t, 'POST', '/webhooks', { url: receiver.url('/groupcalls'), events: ['groupcall_created', 'groupcall_hangup'] })).status).toBe(200);
  const groupcall = (await rest(t, 'POST', '/groupcalls', body([BUSY(1), BUSY(2)]))).body;
  const ofIt = () => receiver.received.filter((entry) => entry.body.data?.id === groupcall.id);
  await waitFor(async () => ofIt(), (list) => list.some((entry) => entry.body.type === 'groupcall_hangup'), 'groupcall_hangup');
  const final = await rest(t, 'GET', `/groupcalls/${groupcall.id}`);
  expect(ofIt().map((entry) => entry.body.type)).toEqual(['groupcall_created', 'groupcall_hangup']);
  expect(ofIt().at(-1)!.body.data).toMatchObject({ id: groupcall.id, status: 'hangup', call_count: 0, call_ids: groupcall.call_ids, tm_hangup: final.body.tm_hangup });
});

it('delivers a groupcall topic on /v1.0/ws', async () => {
  const customerId = t.app.bootstrap!.customerId;
  const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`);
  const messages: Json[] = [];
  ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as Json));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    ws.send(JSON.stringify({ type: 'subscribe', topics: [`customer_id:${customerId}:groupcall:*`] }));
    await waitFor(async () => messages, (list) => list.some((m) => m.type === 'subscribed'), 'the subscription');
    const groupcall = (await rest(t, 'POST', '/groupcalls', body([BUSY(3)]))).body;
    const events = await waitFor(async () => messages.filter((m) => m.data?.id === groupcall.id), (list) => list.some((m) => m.type === 'groupcall_hangup'), 'groupcall_hangup');
    expect(events.map((m) => m.type)).toEqual(['groupcall_created', 'groupcall_hangup']);
    expect(events.map((m) => m.sequence)).toEqual([1, 2]);
    // Only groupcall events: the legs' call events are not on this topic.
    expect(messages.filter((m) => typeof m.type === 'string' && m.type.startsWith('call_'))).toEqual([]);
  } finally {
    ws.close();
  }
});
