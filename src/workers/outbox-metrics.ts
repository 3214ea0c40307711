import type { EventRecord } from '../events/event-record';
import type { Metrics } from '../platform/metrics';

const secondsBetween = (from: unknown, to: unknown): number | null => {
  if (typeof from !== 'string' || typeof to !== 'string') return null;
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
};

/** What a published batch tells: events by type, their lag, and the setup time of answered calls. */
export function observePublished(metrics: Metrics, events: readonly EventRecord[], now = Date.now()): void {
  for (const event of events) {
    metrics.eventsDispatched.inc({ type: event.type });
    metrics.outboxLag.observe(Math.max(0, (now - Date.parse(event.tmCreate)) / 1000));
    if (event.type === 'call_answered') {
      const setup = secondsBetween(event.payload.tm_create, event.payload.tm_progressing);
      if (setup !== null) metrics.callSetup.observe(setup);
    }
  }
}
