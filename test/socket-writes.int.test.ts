import { Socket } from 'node:net';
import WebSocket from 'ws';
import { CallEventsDocument, CreateCallsDocument, type CallEventsSubscription } from './generated/graphql';
import { collect, graphql, wsClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { print } from 'graphql';

/**
 * What the API writes to a subscriber's socket (graphql-ws and /v1.0/ws), counted on the API's
 * own side of the connection (the product runs in this process): the frames of one turn leave in
 * one write.
 */
let t: TestApp;
/** Every write the API's server-side sockets make, with the bytes it carries. */
const writes: string[] = [];
const original = { write: Socket.prototype._write, writev: Socket.prototype._writev! };

beforeAll(async () => {
  t = await startTestApp();
  const ours = (socket: Socket) => socket.localPort === t.app.port;
  Socket.prototype._write = function (this: Socket, chunk, encoding, callback) {
    if (ours(this)) writes.push(String(chunk));
    original.write.call(this, chunk, encoding, callback);
  };
  Socket.prototype._writev = function (this: Socket, chunks, callback) {
    if (ours(this)) writes.push(chunks.map(({ chunk }) => String(chunk)).join(''));
    original.writev.call(this, chunks, callback);
  };
});
afterAll(async () => {
  Socket.prototype._write = original.write;
  Socket.prototype._writev = original.writev;
  await t?.stop();
});

/** A real call's events, as the outbox stored them (it answers, then the far end hangs up). */
async function callEvents() {
  const created = (await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15550005999' }] } })).data!.createCalls[0]!;
  const first = wsClient(t.baseUrl, t.accessKey);
  await collect(first, CallEventsDocument, { callId: created.id }).done;
  await first.dispose();
  const events = await t.app.services.events.history(t.app.bootstrap!.customerId, created.id);
  expect(events.length).toBeGreaterThan(2);
  return events;
}

/** Publishes `probe` until the subscriber heard something: then it is listening. */
async function untilListening(probe: Awaited<ReturnType<typeof callEvents>>[number], heard: () => number): Promise<void> {
  await waitFor(
    async () => {
      await t.app.services.bus.publish([probe]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return heard();
    },
    (n) => n > 0,
    'the subscription to be listening',
  );
}

it('sends the events of one bus message to a graphql-ws subscriber in one write', async () => {
  const events = await callEvents();

  const client = wsClient(t.baseUrl, t.accessKey);
  try {
    const received: string[] = [];
    client.subscribe<CallEventsSubscription>({ query: print(CallEventsDocument) }, { next: ({ data }) => data && received.push(data.callEvents.type), error: () => undefined, complete: () => undefined });
    // The stream drops the probe's repeats, and the first event again in the batch (seen).
    await untilListening(events[0]!, () => received.length);

    writes.length = 0;
    await t.app.services.bus.publish(events);
    await waitFor(async () => received.length, (n) => n === events.length, 'the rest of the events');
    // The stream presents a call event from its snapshot alone, so one message's events are one turn's frames.
    const withFrames = writes.filter((write) => write.includes('"type":"next"'));
    expect(withFrames).toHaveLength(1);
    expect(received).toEqual(events.map((event) => event.type));
  } finally {
    await client.dispose();
  }
});

it('sends the events of one bus message to a /v1.0/ws subscriber in one write', async () => {
  const events = await callEvents();
  const ws = new WebSocket(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`);
  try {
    const topics: string[] = [];
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; topic?: string };
      if (message.topic) topics.push(message.type);
    });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'subscribe', topics: [`customer_id:${t.app.bootstrap!.customerId}:call:*`] }));
    await untilListening(events[0]!, () => topics.length);
    // This socket sends a repeated event again: a marker after the probes, so none is still on its way.
    await t.app.services.bus.publish([{ ...events[0]!, type: 'marker' }]);
    await waitFor(async () => topics.includes('marker'), (heard) => heard, 'the marker');

    const before = topics.length;
    writes.length = 0;
    await t.app.services.bus.publish(events);
    await waitFor(async () => topics.length, (n) => n === before + events.length, 'the events');
    expect(writes.filter((write) => write.includes('"topic"'))).toHaveLength(1);
    expect(topics.slice(before)).toEqual(events.map((event) => event.type));
  } finally {
    ws.close();
  }
});
