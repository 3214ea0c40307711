import type { EventBus } from './event-bus';
import type { EventRecord } from './event-record';
import { createSequenceGate } from '../domain/events/sequence-gate';

export interface EventStreamOptions {
  bus: EventBus;
  customerId: string;
  accept: (event: EventRecord) => boolean;
  /** Past events to deliver first (read after the live subscription is open, so none fall between). */
  replay?: () => Promise<EventRecord[]>;
  /** The stream completes right after delivering an event for which this is true. */
  isLast?: (event: EventRecord) => boolean;
}

/**
 * A customer's events as an async iterator, in per-resource sequence order and without
 * duplicates (the outbox delivers at least once; replay and live may overlap). What it remembers
 * for that is bounded (domain/events/sequence-gate.ts), however long the stream lives.
 */
export async function openEventStream(options: EventStreamOptions): Promise<AsyncIterableIterator<EventRecord>> {
  const buffer: EventRecord[] = [];
  const gate = createSequenceGate();
  let wakeUp: (() => void) | null = null;
  let finished = false;

  const push = (event: EventRecord) => {
    if (finished || !options.accept(event)) return;
    buffer.push(event);
    wakeUp?.();
  };
  const unsubscribe = await options.bus.subscribe(options.customerId, push);
  const replayed = options.replay ? await options.replay() : [];
  buffer.unshift(...replayed);

  const finish = async () => {
    if (finished) return;
    finished = true;
    wakeUp?.();
    await unsubscribe();
  };

  async function nextEvent(): Promise<EventRecord | null> {
    for (;;) {
      if (finished) return null;
      while (buffer.length > 0) {
        const event = buffer.shift() as EventRecord;
        if (gate.admit(event)) return event;
      }
      if (finished) return null;
      await new Promise<void>((resolve) => (wakeUp = resolve));
      wakeUp = null;
    }
  }

  const iterator: AsyncIterableIterator<EventRecord> = {
    async next() {
      if (finished) return { done: true, value: undefined };
      const event = await nextEvent();
      if (!event) return { done: true, value: undefined };
      if (options.isLast?.(event)) await finish();
      return { done: false, value: event };
    },
    async return() {
      await finish();
      buffer.length = 0;
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
