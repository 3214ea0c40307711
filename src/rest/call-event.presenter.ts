import type { EventRecord } from '../events/event-record';
import { callFromRow } from '../services/call-row';
import { presentCall, type RestCall } from './call.presenter';
import { formatTime } from './voipbin-time';

export interface RestCallEvent {
  type: string;
  sequence: number;
  tm_create: string;
  /** The call as it was right after the change (chained_call_ids as they are now). */
  data: RestCall;
}

export const presentCallEvent = (event: EventRecord, chainedCallIds: readonly string[]): RestCallEvent => ({
  type: event.type,
  sequence: event.sequence,
  tm_create: formatTime(new Date(event.tmCreate)),
  data: presentCall(callFromRow(event.payload), chainedCallIds),
});
