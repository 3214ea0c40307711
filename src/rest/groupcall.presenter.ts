import type { Groupcall } from '../domain/groupcall';
import { groupcallFromRow } from '../services/groupcall-row';
import { ZERO_UUID } from '../services/ids';
import { presentAddress, type RestAddress } from './call.presenter';
import { formatTime } from './voipbin-time';

/** A groupcall in VoIPBIN's JSON shape (schema CallManagerGroupcall). */
export interface RestGroupcall {
  id: string;
  customer_id: string;
  flow_id: string;
  source: RestAddress;
  destinations: RestAddress[];
  master_call_id: string;
  master_groupcall_id: string;
  ring_method: string;
  answer_method: string;
  answer_call_id: string;
  answer_groupcall_id: string;
  call_ids: string[];
  groupcall_ids: string[];
  call_count: number;
  groupcall_count: number;
  dial_index: number;
  dial_timeout: number;
  status: string;
  tm_create: string;
  tm_update: string;
  tm_hangup: string;
  tm_delete: string;
}

export function presentGroupcall(groupcall: Groupcall): RestGroupcall {
  return {
    id: groupcall.id,
    customer_id: groupcall.customerId,
    flow_id: groupcall.flowId ?? ZERO_UUID,
    source: presentAddress(groupcall.source),
    // A nested groupcall is an address of type groupcall whose target is its id.
    destinations: groupcall.destinations.map(presentAddress),
    master_call_id: groupcall.masterCallId ?? ZERO_UUID,
    master_groupcall_id: groupcall.masterGroupcallId ?? ZERO_UUID,
    ring_method: groupcall.ringMethod,
    answer_method: groupcall.answerMethod,
    answer_call_id: groupcall.answerCallId ?? ZERO_UUID,
    answer_groupcall_id: groupcall.answerGroupcallId ?? ZERO_UUID,
    call_ids: [...groupcall.callIds],
    groupcall_ids: [...groupcall.groupcallIds],
    call_count: groupcall.callCount,
    groupcall_count: groupcall.groupcallCount,
    dial_index: groupcall.dialIndex,
    dial_timeout: groupcall.dialTimeoutMs,
    status: groupcall.status,
    tm_create: formatTime(groupcall.tmCreate),
    tm_update: formatTime(groupcall.tmUpdate),
    tm_hangup: formatTime(groupcall.tmHangup),
    tm_delete: formatTime(groupcall.tmDelete),
  };
}

/** A groupcall event's snapshot in the REST shape. */
export const presentGroupcallSnapshot = (payload: Record<string, unknown>): RestGroupcall => presentGroupcall(groupcallFromRow(payload));
