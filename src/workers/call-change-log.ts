import type { EventRecord } from '../events/event-record';
import type { Logger } from '../platform/logger';

/** The events that move a call to another status (a hangup asked for is a call_updated to terminating or canceling). */
const STATUS_EVENTS = new Set(['call_created', 'call_ringing', 'call_answered', 'call_hungup']);
const ASKED_TO_END = new Set(['terminating', 'canceling']);

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * One info line per call state change, written as its event is published (so once, by the
 * dispatching process): 'call <id> progressing', 'call <id> hangup (remote, normal)'.
 */
export function logCallChanges(logger: Logger, events: readonly EventRecord[]): void {
  for (const event of events) {
    if (event.resourceType !== 'call') continue;
    const status = text(event.payload.status);
    if (!status || !(STATUS_EVENTS.has(event.type) || (event.type === 'call_updated' && ASKED_TO_END.has(status)))) continue;
    const hangupBy = text(event.payload.hangup_by);
    const hangupReason = text(event.payload.hangup_reason);
    const destination = (event.payload.destination as { target?: unknown } | null)?.target;
    logger.info(
      { callId: event.resourceId, customerId: event.customerId, status, event: event.type, direction: text(event.payload.direction), destination: text(destination), hangupBy, hangupReason },
      `call ${event.resourceId} ${status}${status === 'hangup' && hangupBy ? ` (${hangupBy}, ${hangupReason ?? 'unknown'})` : ''}`,
    );
  }
}
