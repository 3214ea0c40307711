import { BoundedMap } from '../bounded-map';

/** What the gate reads of an event. */
export interface GatedEvent {
  resourceType: string;
  resourceId: string;
  type: string;
  sequence: number;
  payload: Record<string, unknown>;
}

/**
 * How many ended resources a gate remembers: a duplicate of an ended resource's event (the
 * outbox delivers at least once; a replay and the live stream overlap) comes within moments of
 * the original, while this many other resources of the customer end only much later.
 */
export const ENDED_KEPT = 1_000;

/**
 * The event after which its resource changes no more (only its deletion may follow): a call's
 * hangup, a groupcall's, a transfer's final status, an activeflow that ended, any deletion.
 */
export function endsResource(event: Pick<GatedEvent, 'resourceType' | 'type' | 'payload'>): boolean {
  if (event.type.endsWith('_deleted')) return true;
  if (event.resourceType === 'activeflow') return event.payload.status === 'ended';
  return event.type === 'call_hungup' || event.type === 'groupcall_hangup' || ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(event.type);
}

/**
 * A stream's dedupe: each resource's events pass once, in sequence order (an older or repeated
 * sequence is dropped). It keeps the last sequence of each resource still changing, and of the
 * last `endedKept` ended ones: a long-lived stream over many calls holds what is live, not every
 * call it ever saw (issue 14). An event of a resource ended longer ago than that passes again,
 * which only a duplicate held back that long could be.
 */
export function createSequenceGate(endedKept = ENDED_KEPT) {
  const live = new Map<string, number>();
  /** Insertion order is the order they ended in: the first is the one to forget. */
  const ended = new BoundedMap<string, number>(endedKept);

  return {
    admit(event: GatedEvent): boolean {
      const last = live.get(event.resourceId) ?? ended.get(event.resourceId) ?? 0;
      if (event.sequence <= last) return false;
      if (!endsResource(event)) {
        ended.delete(event.resourceId);
        live.set(event.resourceId, event.sequence);
        return true;
      }
      live.delete(event.resourceId);
      ended.delete(event.resourceId);
      ended.set(event.resourceId, event.sequence);
      return true;
    },
    /** How many resources it remembers (live and ended). */
    get size(): number {
      return live.size + ended.size;
    },
  };
}
