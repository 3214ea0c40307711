import { randomBytes, randomUUID } from 'node:crypto';
import { createRedisEventBus } from '../src/events/event-bus';
import type { EventRecord } from '../src/events/event-record';
import { connectRedis } from '../src/platform/redis';
import { waitFor } from './support/wait';

/**
 * The Redis event bus on real Redis: one message per customer and publish, carrying that
 * customer's events in order, and the single-event messages of earlier versions still heard.
 */
const prefix = `test:${randomBytes(4).toString('hex')}`;
const publisher = connectRedis('redis://127.0.0.1:6379', 'pub');
const subscriber = connectRedis('redis://127.0.0.1:6379', 'sub');
/** Listens to the bus's channels raw, to see the messages themselves. */
const observer = connectRedis('redis://127.0.0.1:6379', 'observer');
const bus = createRedisEventBus(publisher, subscriber, prefix);
const unsubscribes: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const unsubscribe of unsubscribes.splice(0)) await unsubscribe();
});
afterAll(async () => {
  await bus.close();
  await Promise.all([publisher.quit(), subscriber.quit(), observer.quit()]);
});

let counter = 0;
function eventOf(customerId: string, type = 'call_updated'): EventRecord {
  counter += 1;
  return {
    id: String(counter),
    customerId,
    resourceType: 'call',
    resourceId: randomUUID(),
    type,
    position: String(counter),
    sequence: counter,
    payload: { n: counter },
    tmCreate: new Date(0).toISOString(),
  };
}

async function listen(customerId: string): Promise<EventRecord[]> {
  const heard: EventRecord[] = [];
  unsubscribes.push(await bus.subscribe(customerId, (event) => heard.push(event)));
  return heard;
}

/** Waits for the customer's `end` event: Redis delivers a channel's messages in order, so all before it have arrived. */
const untilEnd = (heard: EventRecord[], what: string) => waitFor(async () => heard, (events) => events.some((event) => event.type === 'end'), what);

test("a publish of two customers' events reaches each customer's subscriber in order, and only theirs, in one message per customer", async () => {
  const [a, b] = [randomUUID(), randomUUID()];
  const heardA = await listen(a);
  const heardB = await listen(b);
  const messages: Array<[string, string]> = [];
  observer.on('message', (channel: string, message: string) => messages.push([channel, message]));
  await observer.subscribe(`${prefix}:events:${a}`, `${prefix}:events:${b}`);

  const batch = [eventOf(a), eventOf(b), eventOf(a), eventOf(a), eventOf(b)];
  await bus.publish(batch);
  await bus.publish([eventOf(a, 'end'), eventOf(b, 'end')]);
  await untilEnd(heardA, "customer a's events");
  await untilEnd(heardB, "customer b's events");

  expect(heardA.slice(0, -1)).toEqual(batch.filter((event) => event.customerId === a));
  expect(heardB.slice(0, -1)).toEqual(batch.filter((event) => event.customerId === b));
  await waitFor(async () => messages.length, (n) => n === 4, 'the observer hearing both publishes');
  expect(messages[0]).toEqual([`${prefix}:events:${a}`, JSON.stringify(batch.filter((event) => event.customerId === a))]);
  expect(messages[1]).toEqual([`${prefix}:events:${b}`, JSON.stringify(batch.filter((event) => event.customerId === b))]);
  await observer.unsubscribe();
});

test('a message of a single event object, as earlier versions published, still reaches the subscriber', async () => {
  const customer = randomUUID();
  const heard = await listen(customer);
  const old = eventOf(customer);
  await publisher.publish(`${prefix}:events:${customer}`, JSON.stringify(old));
  await bus.publish([eventOf(customer, 'end')]);
  await untilEnd(heard, 'the events');
  expect(heard.slice(0, -1)).toEqual([old]);
});
