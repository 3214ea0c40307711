import type { EventRecord } from '../events/event-record';
import { callFromRow, chainedIdsOfSnapshot } from '../services/call-row';
import { presentCall, type RestCall } from './call.presenter';
import { formatTime } from './voipbin-time';

export interface RestCallEvent {
  type: string;
  sequence: number;
  tm_create: string;
  /** The call as it was right after the change (its snapshot, chained_call_ids included). */
  data: RestCall;
}

export const presentCallEvent = (event: EventRecord): RestCallEvent => ({
  type: event.type,
  sequence: event.sequence,
  tm_create: formatTime(new Date(event.tmCreate)),
  data: presentCall(callFromRow(event.payload), chainedIdsOfSnapshot(event.payload)),
});
