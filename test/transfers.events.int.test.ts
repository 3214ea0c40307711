import WebSocket from 'ws';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGS, TRANSFER_SOURCE, connectedPair, transfer, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * A transfer's events reach a webhook and the topic socket (`customer_id:<id>:transfer:*`) as
 * they reach the history: in order, each once, exactly one final event, and transfer_completed
 * carrying the spec's context and the from/to call ids.
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_MS: '20', WEBHOOK_SWEEP_MS: '300' });
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

const TRANSFER_EVENTS = ['transfer_created', 'transfer_ringing', 'transfer_answered', 'transfer_completed', 'transfer_cancelled', 'transfer_failed'];
const FINAL = ['transfer_completed', 'transfer_cancelled', 'transfer_failed'];
const CONTEXT = { customer_id: 'cust-123', issue: 'billing dispute', notes: 'Customer called about incorrect charge on invoice #456' };

async function topicSocket(topic: string) {
  const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${encodeURIComponent(t.accessKey)}`);
  const messages: Json[] = [];
  ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as Json));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'subscribe', topics: [topic] }));
  await waitFor(async () => messages.length, (length) => length > 0, 'the subscription answer');
  expect(messages[0]).toMatchObject({ type: 'subscribed' });
  return { ws, messages };
}

it('an attended transfer with the spec\'s context: the same events, once each, one final, on a webhook, the topic socket and the history', async () => {
  const customerId = t.app.bootstrap!.customerId;
  expect((await rest(t, 'POST', '/webhooks', { url: receiver.url('/transfers'), events: TRANSFER_EVENTS })).status).toBe(200);
  const socket = await topicSocket(`customer_id:${customerId}:transfer:*`);
  try {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS }, context: CONTEXT });
    const id = body.transfer_id as string;
    const consult = body.consult_call_id as string;
    await waitForTransfer(t, id, 'ringing');
    await simPost(t.simUrl, `/sim/channels/${consult}/answer`);
    await waitForTransfer(t, id, 'consulting');
    expect((await rest(t, 'POST', `/transfers/${id}/complete`)).status).toBe(200);
    await waitForTransfer(t, id, 'completed');

    const expected = ['transfer_created', 'transfer_ringing', 'transfer_answered', 'transfer_completed'];
    const hooked = await waitFor(async () => receiver.accepted('/transfers').map((entry) => entry.body as Json), (list) => list.length >= expected.length, 'the webhook deliveries');
    const pushed = await waitFor(async () => socket.messages.filter((m) => m.topic), (list) => list.length >= expected.length, 'the topic messages');
    const history = ((await rest(t, 'GET', `/transfers/${id}/events`)).body.result as Json[]).map((event) => event.type);
    expect(history).toEqual(expected);
    expect(hooked.map((event) => event.type)).toEqual(expected);
    expect(pushed.map((message) => message.type)).toEqual(expected);
    for (const surface of [hooked, pushed]) expect(surface.filter((event) => FINAL.includes(event.type as string))).toHaveLength(1);
    expect(pushed.every((message) => message.topic === `customer_id:${customerId}:transfer:${id}`)).toBe(true);

    // The spec's transfer_completed: the transfer id, the context, and who was connected to whom.
    const completed = hooked.at(-1)!.data as Json;
    expect(completed).toMatchObject({ transfer_id: id, id, status: 'completed', context: CONTEXT, from_call_id: caller, to_call_id: consult, transferer_call_id: transferer });
    expect((pushed.at(-1)!.data as Json)).toMatchObject({ transfer_id: id, context: CONTEXT, from_call_id: caller, to_call_id: consult });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  } finally {
    socket.ws.close();
  }
});
