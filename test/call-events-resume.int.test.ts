import type { Client } from 'graphql-ws';
import { print } from 'graphql';
import { CallEventStreamDocument, type CallEventStreamSubscription } from './generated/graphql';
import { createCalls, waitForHangup } from './support/flows';
import { collect, wsClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * GraphQL callEvents names each event's resource and carries a per-customer stream position;
 * `after:` resumes a stream without loss or duplicates, for one call and for all calls, the
 * activeflow's events included.
 */
let t: TestApp;
const clients: Client[] = [];
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  await t?.stop();
});

type Item = CallEventStreamSubscription['callEvents'];
const SOURCE = { type: 'tel', target: '+15551234567' };
const flowCall = async (target: string) =>
  (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target }], actions: [{ type: 'talk', option: { text: 'hi' } }, { type: 'hangup' }] }))[0]!.id as string;

/** An open subscription whose events pile up in `items`. */
function listen(variables: { callId?: string; after?: string }) {
  const client = wsClient(t.baseUrl, t.accessKey);
  clients.push(client);
  const items: Item[] = [];
  const errors: unknown[] = [];
  let ready = false;
  client.on('connected', () => (ready = true));
  client.subscribe<CallEventStreamSubscription>(
    { query: print(CallEventStreamDocument), variables },
    { next: (result) => (result.data ? items.push(result.data.callEvents) : errors.push(result.errors)), error: (error) => errors.push(error), complete: () => undefined },
  );
  return { items, errors, ready: () => waitFor(async () => ready, Boolean, 'the socket') };
}

const key = (item: Item) => `${item.resourceType}:${item.resourceId}:${item.sequence}`;
const increasing = (items: Item[]) => items.every((item, index) => index === 0 || BigInt(item.position!) > BigInt(items[index - 1]!.position!));

it('resumes the all-calls stream after a position with every later event once, activeflows included', async () => {
  const live = listen({});
  await live.ready();
  // Once an event of a first call arrived, the subscription is surely on the bus.
  const warmUp = (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557773000' }] }))[0]!.id as string;
  await waitFor(async () => live.items.filter((item) => item.call.id === warmUp), (items) => items.length > 0, 'the subscription to hear');
  const first = await flowCall('+15557773001');
  await waitForHangup(t, first);
  const all = await waitFor(async () => live.items.filter((item) => item.call.id === first), (items) => items.some((item) => item.type === 'call_hungup'), 'the first call');
  expect(new Set(all.map((item) => item.resourceType))).toEqual(new Set(['call', 'activeflow']));
  expect(increasing(all)).toBe(true);
  // The events of one resource keep their own sequence; the position orders them all.
  const callSequences = all.filter((item) => item.resourceType === 'call').map((item) => item.sequence);
  expect(callSequences).toEqual(callSequences.map((_, index) => index + 1));

  const cut = Math.floor(all.length / 2);
  const resumed = listen({ after: all[cut - 1]!.position! });
  await resumed.ready();
  const marker = await flowCall('+15557773002'); // after the resume: arrives live, behind the replay
  await waitFor(async () => resumed.items.filter((item) => item.call.id === marker && item.type === 'call_hungup'), (items) => items.length === 1, 'the marker call');
  const replayedFirst = resumed.items.filter((item) => item.call.id === first);
  expect(replayedFirst.map(key)).toEqual(all.slice(cut).map(key));
  expect(new Set(resumed.items.map(key)).size).toBe(resumed.items.length);
  expect(increasing(resumed.items)).toBe(true);
  expect(resumed.errors).toEqual([]);
});

it('resumes one call after a position, its activeflow included, and completes at its hangup', async () => {
  const id = await flowCall('+15557773003');
  await waitForHangup(t, id);
  const client = wsClient(t.baseUrl, t.accessKey);
  clients.push(client);
  const everything = (await collect(client, CallEventStreamDocument, { callId: id, after: '0' }).done).map((item) => item.callEvents);
  expect(everything.some((item) => item.resourceType === 'activeflow')).toBe(true);
  expect(everything.at(-1)!.type).toBe('call_hungup');
  const cut = 2;
  const resumed = (await collect(client, CallEventStreamDocument, { callId: id, after: everything[cut - 1]!.position! }).done).map((item) => item.callEvents);
  expect(resumed.map(key)).toEqual(everything.slice(cut).map(key));
});

it("gives an activeflow event the call as it was at that change, not as it is now", async () => {
  const id = await flowCall('+15557773004');
  await waitForHangup(t, id);
  const client = wsClient(t.baseUrl, t.accessKey);
  clients.push(client);
  const events = (await collect(client, CallEventStreamDocument, { callId: id, after: '0' }).done).map((item) => item.callEvents);
  const created = events.find((event) => event.type === 'activeflow_created');
  expect(created).toMatchObject({ resourceType: 'activeflow', call: { id, status: 'PROGRESSING' } });
});

it('keeps a long-lived stream over many ended calls free of duplicates and in order, a repeat of an ended call included', async () => {
  const live = listen({});
  await live.ready();
  const warmUp = (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557773100' }] }))[0]!.id as string;
  await waitFor(async () => live.items.filter((item) => item.call.id === warmUp), (items) => items.length > 0, 'the subscription to hear');
  const ended: string[] = [];
  for (let n = 1; n <= 20; n++) {
    const id = (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: `+155577731${String(n).padStart(2, '0')}` }], actions: [{ type: 'hangup' }] }))[0]!.id as string;
    ended.push(id);
  }
  for (const id of ended) await waitFor(async () => live.items.some((item) => item.call.id === id && item.type === 'call_hungup'), Boolean, `call ${id} ended on the stream`);
  // The outbox delivers at least once: every event of the first ended calls comes again, after
  // their hangup (when the stream no longer tracks them as live).
  const customerId = t.app.bootstrap!.customerId;
  for (const id of ended.slice(0, 5)) await t.app.services.bus.publish(await t.app.services.events.history(customerId, id));
  const marker = await flowCall('+15557773199');
  await waitFor(async () => live.items.some((item) => item.call.id === marker && item.type === 'call_hungup'), Boolean, 'the marker call');

  expect(new Set(live.items.map(key)).size).toBe(live.items.length);
  for (const id of ended) {
    const sequences = live.items.filter((item) => item.resourceType === 'call' && item.resourceId === id).map((item) => item.sequence);
    expect(sequences).toEqual(sequences.map((_, index) => index + 1));
  }
  expect(live.errors).toEqual([]);
});

it('refuses a position that is not one, naming the argument', async () => {
  const client = wsClient(t.baseUrl, t.accessKey);
  clients.push(client);
  await expect(collect(client, CallEventStreamDocument, { after: 'yesterday' }).done).rejects.toThrow(/after: must be a stream position.*"code":"VALIDATION_FAILED","field":"after"/);
});
