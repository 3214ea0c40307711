import type { Transfer } from '../domain/transfer';
import { ZERO_UUID } from '../services/ids';
import { transferFromRow } from '../services/transfer-row';
import { presentAddress, type RestAddress } from './call.presenter';
import { formatTime } from './voipbin-time';

/** A transfer in OpenCall's REST shape (the fields of the transfer events' snapshot). */
export interface RestTransfer {
  id: string;
  /** The same as id: the name the spec's transfer_completed webhook gives it. */
  transfer_id: string;
  customer_id: string;
  type: string;
  status: string;
  transferer_call_id: string;
  caller_call_id: string;
  consult_call_id: string;
  from_call_id: string;
  to_call_id: string;
  destination: RestAddress;
  destinations: RestAddress[];
  ring_method: string;
  groupcall_id: string;
  consult_call_ids: string[];
  context: Record<string, unknown>;
  timeout: number;
  fallback_flow_id: string;
  fallback_actions: Record<string, unknown>[];
  reason: string;
  tm_create: string;
  tm_update: string;
  tm_ringing: string;
  tm_answer: string;
  tm_end: string;
}

export function presentTransfer(transfer: Transfer): RestTransfer {
  return {
    id: transfer.id,
    transfer_id: transfer.id,
    customer_id: transfer.customerId,
    type: transfer.type,
    status: transfer.status,
    transferer_call_id: transfer.transfererCallId,
    caller_call_id: transfer.callerCallId,
    consult_call_id: transfer.consultCallId ?? ZERO_UUID,
    from_call_id: transfer.callerCallId,
    to_call_id: transfer.consultCallId ?? ZERO_UUID,
    destination: presentAddress(transfer.destination),
    destinations: transfer.destinations.map(presentAddress),
    ring_method: transfer.ringMethod,
    groupcall_id: transfer.groupcallId ?? ZERO_UUID,
    consult_call_ids: transfer.consultCallIds,
    context: transfer.context,
    timeout: transfer.timeoutMs,
    fallback_flow_id: transfer.fallback?.flowId ?? ZERO_UUID,
    fallback_actions: transfer.fallback?.actions ?? [],
    reason: transfer.reason ?? '',
    tm_create: formatTime(transfer.tmCreate),
    tm_update: formatTime(transfer.tmUpdate),
    tm_ringing: formatTime(transfer.tmRinging),
    tm_answer: formatTime(transfer.tmAnswer),
    tm_end: formatTime(transfer.tmEnd),
  };
}

/** A transfer event's snapshot in the REST shape. */
export const presentTransferSnapshot = (payload: Record<string, unknown>): RestTransfer => presentTransfer(transferFromRow(payload));

/**
 * VoIPBIN's TransferManagerTransfer. In VoIPBIN's words the transferee is the call being
 * transferred (our caller) and `transferee_addresses` the targets, which ring as the groupcall
 * `groupcall_id` when there are several (the zero UUID for one); there is no conference bridge.
 */
export function presentVoipbinTransfer(transfer: Transfer) {
  return {
    id: transfer.id,
    customer_id: transfer.customerId,
    type: transfer.type,
    transferer_call_id: transfer.transfererCallId,
    transferee_addresses: transfer.destinations.map(presentAddress),
    transferee_call_id: transfer.callerCallId,
    groupcall_id: transfer.groupcallId ?? ZERO_UUID,
    confbridge_id: ZERO_UUID,
    tm_create: formatTime(transfer.tmCreate),
    tm_update: formatTime(transfer.tmUpdate),
    tm_delete: formatTime(null),
  };
}
