import WebSocket from 'ws';
import { CreateCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** VoIPBIN's /v1.0/ws: topic subscriptions of one's own customer, each event once. */
let t: TestApp;
let customerId: string;
beforeAll(async () => {
  t = await startTestApp();
  customerId = t.app.bootstrap!.customerId;
});
afterAll(async () => {
  await t?.stop();
});

interface Message {
  type: string;
  topic?: string;
  sequence?: number;
  message?: string;
  data?: { id: string; status: string };
}

async function open(query: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws${query}`, { headers });
  const messages: Message[] = [];
  let closeCode: number | null = null;
  ws.on('message', (raw) => messages.push(JSON.parse(raw.toString()) as Message));
  ws.on('close', (code) => (closeCode = code));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const sendAndAck = async (message: unknown) => {
    const before = messages.length;
    ws.send(JSON.stringify(message));
    await waitFor(async () => messages.length, (length) => length > before, 'an answer');
    return messages.at(-1)!;
  };
  return { ws, messages, closeCode: () => closeCode, sendAndAck };
}

const makeCall = async (target: string) =>
  (await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target }] } })).data!.createCalls[0]!.id;

it('delivers the events of the subscribed call, once each, in order, in the REST shape', async () => {
  const socket = await open(`?token=${t.accessKey}`);
  // Two overlapping topics: every event still arrives once.
  const ack = await socket.sendAndAck({ type: 'subscribe', topics: [`customer_id:${customerId}`, `customer_id:${customerId}:call:*`] });
  expect(ack.type).toBe('subscribed');
  const callId = await makeCall('+15550001555'); // busy: created, hungup
  const events = await waitFor(async () => socket.messages.filter((m) => m.topic?.endsWith(callId)), (list) => list.some((m) => m.type === 'call_hungup'), 'call_hungup');
  expect(events.map((m) => m.type)).toEqual(['call_created', 'call_hungup']);
  expect(events.map((m) => m.sequence)).toEqual([1, 2]);
  expect(events.at(-1)).toMatchObject({ type: 'call_hungup', data: { id: callId, status: 'hangup' } });
  socket.ws.close();
});

it('stops delivering after unsubscribe', async () => {
  const socket = await open('', { authorization: `Bearer ${t.accessKey}` });
  await socket.sendAndAck({ type: 'subscribe', topics: [`customer_id:${customerId}:call:*`] });
  await socket.sendAndAck({ type: 'unsubscribe', topics: [`customer_id:${customerId}:call:*`] });
  const witness = await open(`?accesskey=${t.accessKey}`);
  await witness.sendAndAck({ type: 'subscribe', topics: [`customer_id:${customerId}:call:*`] });
  const callId = await makeCall('+15550001556');
  await waitFor(async () => witness.messages.filter((m) => m.type === 'call_hungup' && m.data?.id === callId), (list) => list.length > 0, 'the witness to hear the call end');
  expect(socket.messages.filter((m) => m.topic)).toEqual([]);
  socket.ws.close();
  witness.ws.close();
});

it('closes with an error when a topic names another customer', async () => {
  const other = await t.newCustomer('intruder');
  const socket = await open(`?token=${other.token}`);
  const answer = await socket.sendAndAck({ type: 'subscribe', topics: [`customer_id:${customerId}:call:*`] });
  expect(answer).toMatchObject({ type: 'error' });
  expect(answer.message).toMatch(/another customer/);
  await waitFor(async () => socket.closeCode(), (code) => code === 4403, 'the close');
});

it('answers malformed messages with an error naming the problem', async () => {
  const socket = await open(`?token=${t.accessKey}`);
  expect((await socket.sendAndAck('not json')).message).toMatch(/JSON|type/);
  expect((await socket.sendAndAck({ type: 'subscribe', topics: 'x' })).message).toMatch(/topics/);
  expect((await socket.sendAndAck({ type: 'subscribe', topics: ['call:*'] })).message).toMatch(/topics/);
  socket.ws.close();
});

it('refuses a connection without a valid access key with 401', async () => {
  await expect(open('?token=nope')).rejects.toThrow(/401/);
});
