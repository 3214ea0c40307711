import type { EventRecord } from '../events/event-record';
import { formatTime } from './voipbin-time';

export interface RestHistoryEvent<T> {
  type: string;
  sequence: number;
  tm_create: string;
  /** The resource as it was right after the change (its event's snapshot, in the resource's REST shape). */
  data: T;
}

/**
 * A resource's history (`GET …/{id}/events` of calls, groupcalls and transfers): its events in
 * sequence order, each with its snapshot presented by the resource's own snapshot presenter.
 */
export const presentHistory = <T>(history: readonly EventRecord[], presentSnapshot: (payload: Record<string, unknown>) => T) => ({
  result: history.map((event): RestHistoryEvent<T> => ({
    type: event.type,
    sequence: event.sequence,
    tm_create: formatTime(new Date(event.tmCreate)),
    data: presentSnapshot(event.payload),
  })),
  next_page_token: '',
});
