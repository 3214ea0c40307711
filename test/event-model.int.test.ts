import WebSocket from 'ws';
import { createCalls, waitForCall, waitForHangup } from './support/flows';
import { rest } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * One event model: a webhook or topic gets exactly the events it asked for, under the name it
 * asked for (VoIPBIN's aliases included); names nothing emits are refused; and every surface shows
 * the same snapshot of the resource at the change.
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

const SOURCE = { type: 'tel', target: '+15551234567' };
const bodiesAt = (path: string) => receiver.received.filter((entry) => entry.path === path).map((entry) => entry.body);

it("delivers VoIPBIN's names for the same changes, and only the events they stand for", async () => {
  const hook = await rest(t, 'POST', '/webhooks', { url: receiver.url('/aliases'), events: ['call_progressing', 'call_terminating', 'call_hangup'] });
  expect(hook.status).toBe(200);
  const [call] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557770001' }] });
  await waitForCall(t, call!.id as string, (c) => c.status === 'progressing', 'the answer');
  expect((await rest(t, 'POST', `/calls/${call!.id}/hangup`)).status).toBe(200);
  await waitForHangup(t, call!.id as string);
  const bodies = await waitFor(async () => bodiesAt('/aliases'), (list) => list.length === 3, 'three deliveries');
  expect(bodies.map((body) => [body.type, body.data.status])).toEqual([
    ['call_progressing', 'progressing'],
    ['call_terminating', 'terminating'],
    ['call_hangup', 'hangup'],
  ]);
});

it('refuses with 400 a name the product never emits, naming it', async () => {
  const answer = await rest(t, 'POST', '/webhooks', { url: receiver.url('/never'), events: ['call_hungup', 'conference_created'] });
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body)).toMatch(/events\[1\].*conference_created/);
});

it('shows the same chained_call_ids in the webhook, the topic socket and the event history', async () => {
  await rest(t, 'POST', '/webhooks', { url: receiver.url('/chain'), events: ['call_hungup'] });
  const customerId = t.app.bootstrap!.customerId;
  const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`);
  const messages: { type: string; data?: { id: string; chained_call_ids?: string[] } }[] = [];
  ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as (typeof messages)[number]));
  await new Promise((resolve) => ws.once('open', resolve));
  ws.send(JSON.stringify({ type: 'subscribe', topics: [`customer_id:${customerId}:call:*`] }));
  await waitFor(async () => messages.length, (n) => n > 0, 'the subscription');

  const [master] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557770002' }] });
  const masterId = master!.id as string;
  await waitForCall(t, masterId, (c) => c.status === 'progressing', 'the master to answer');
  const [leg] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557770003' }], master_call_id: masterId });
  expect((await rest(t, 'POST', `/calls/${masterId}/hangup`)).status).toBe(200);
  await waitForHangup(t, leg!.id as string);

  const [hook] = await waitFor(async () => bodiesAt('/chain').filter((body) => body.data.id === masterId), (list) => list.length === 1, 'the master hangup webhook');
  const socket = await waitFor(async () => messages.filter((m) => m.type === 'call_hungup' && m.data?.id === masterId), (list) => list.length === 1, 'the topic event');
  const history = (await rest(t, 'GET', `/calls/${masterId}/events`)).body.result as { type: string; data: { chained_call_ids: string[] } }[];
  ws.close();
  const expected = [leg!.id];
  expect(hook!.data.chained_call_ids).toEqual(expected);
  expect(socket[0]!.data!.chained_call_ids).toEqual(expected);
  expect(history.find((event) => event.type === 'call_hungup')!.data.chained_call_ids).toEqual(expected);
  // Before the leg was chained, the master's own events said so.
  expect(history.find((event) => event.type === 'call_created')!.data.chained_call_ids).toEqual([]);
});
