import type { Redis } from 'ioredis';
import type { EventRecord } from './event-record';

export type EventListener = (event: EventRecord) => void;

/**
 * Committed events fanned out over Redis pub/sub, one channel per customer, so any API process
 * can serve any subscriber and a subscriber only ever hears its own customer's events.
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
    const event = JSON.parse(message) as EventRecord;
    for (const listener of set) listener(event);
  });

  return {
    async publish(events) {
      if (events.length === 0) return;
      const pipeline = publisher.pipeline();
      for (const event of events) pipeline.publish(channelOf(event.customerId), JSON.stringify(event));
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
