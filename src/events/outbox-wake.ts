import type { Redis } from 'ioredis';

/** The part of the outbox dispatcher a wake-up reaches. */
export interface Wakeable {
  isLeader(): boolean;
  wake(): void;
}

export interface OutboxWake {
  /** Events were committed in this process (told by the query hook); coalesced per tick. */
  committed(): void;
  /** This process runs a dispatcher: wake-ups from other processes reach it when it leads. */
  listen(subscriber: Redis, dispatcher: Wakeable): Promise<void>;
}

/**
 * Tells the leading outbox dispatcher that events were committed: in-process when it runs here
 * and leads, else over Redis pub/sub (one channel per schema; only the leader acts on it). It
 * used to be a pg_notify in every change's statement, which cost the listening backend a
 * transaction per wake-up. A wake-up lost on the way (Redis away, a process restarting) delays
 * the events until the dispatcher's poll, as a missed NOTIFY did; it never loses them.
 */
export function createOutboxWake(publisher: Redis, prefix: string, schema: string): OutboxWake {
  const channel = `${prefix}:outbox-wake:${schema}`;
  let local: Wakeable | null = null;
  let scheduled = false;

  return {
    committed() {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (local?.isLeader()) local.wake();
        else publisher.publish(channel, '').catch(() => undefined);
      });
    },
    async listen(subscriber, dispatcher) {
      local = dispatcher;
      subscriber.on('message', (from: string) => {
        if (from === channel && dispatcher.isLeader()) dispatcher.wake();
      });
      await subscriber.subscribe(channel);
    },
  };
}
