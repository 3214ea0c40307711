import type { Redis } from 'ioredis';
import type { EventRecord } from './event-record';

export type EventListener = (event: EventRecord) => void;

/**
 * Committed events fanned out over Redis pub/sub, one channel per customer, so any API process
 * can serve any subscriber and a subscriber only ever hears its own customer's events.
 *
 * Message format on `<prefix>:events:<customerId>`: a JSON array of that customer's events of one
 * `publish` call, in the order given. One message per customer and call rather than per event, as
 * each message costs a write to every subscribed process. A receiver also accepts a single event
 * object, the format of earlier versions, which may still publish during a rolling upgrade.
 */
export interface EventBus {
  publish(events: EventRecord[]): Promise<void>;
  subscribe(customerId: string, listener: EventListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export function createRedisEventBus(publisher: Redis, subscriber: Redis, prefix: string): EventBus {
  const channelOf = (customerId: string) => `${prefix}:events:${customerId}`;
  const listeners = new Map<string, Set<EventListener>>();
  /** The SUBSCRIBE of each channel, so a second subscriber waits until Redis has confirmed it. */
  const subscribed = new Map<string, Promise<unknown>>();

  subscriber.on('message', (channel: string, message: string) => {
    const set = listeners.get(channel);
    if (!set || set.size === 0) return;
    const decoded = JSON.parse(message) as EventRecord | EventRecord[];
    for (const event of Array.isArray(decoded) ? decoded : [decoded]) {
      for (const listener of set) listener(event);
    }
  });

  return {
    async publish(events) {
      if (events.length === 0) return;
      const byCustomer = new Map<string, EventRecord[]>();
      for (const event of events) {
        const batch = byCustomer.get(event.customerId);
        if (batch) batch.push(event);
        else byCustomer.set(event.customerId, [event]);
      }
      const pipeline = publisher.pipeline();
      for (const [customerId, batch] of byCustomer) pipeline.publish(channelOf(customerId), JSON.stringify(batch));
      await pipeline.exec();
    },

    async subscribe(customerId, listener) {
      const channel = channelOf(customerId);
      let set = listeners.get(channel);
      if (!set) {
        set = new Set();
        listeners.set(channel, set);
        subscribed.set(channel, subscriber.subscribe(channel));
      }
      set.add(listener);
      await subscribed.get(channel);
      return async () => {
        const current = listeners.get(channel);
        if (!current) return;
        current.delete(listener);
        if (current.size === 0) {
          listeners.delete(channel);
          subscribed.delete(channel);
          await subscriber.unsubscribe(channel);
        }
      };
    },

    async close() {
      listeners.clear();
      subscriber.removeAllListeners('message');
    },
  };
}
