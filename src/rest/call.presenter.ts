import type { Address } from '../domain/address';
import type { Call } from '../domain/call';
import type { CallAttempt } from '../domain/failover';
import { callFromRow, chainedIdsOfSnapshot } from '../services/call-row';
import { ZERO_UUID } from '../services/ids';
import { formatTime } from './voipbin-time';

/** An address as VoIPBIN writes it. */
export interface RestAddress {
  type: string;
  target: string;
  target_name: string;
  name: string;
  detail: string;
}

/** A call in VoIPBIN's JSON shape (the documentation's "Struct Call"). */
export interface RestCall {
  id: string;
  customer_id: string;
  /** '' and the zero UUID: the product has no agents or queues to own a call. */
  owner_type: string;
  owner_id: string;
  flow_id: string;
  activeflow_id: string;
  type: string;
  master_call_id: string;
  chained_call_ids: string[];
  recording_id: string;
  recording_ids: string[];
  /** The groupcall the call is a leg of; null when none (docs/voipbin-differences.md). */
  groupcall_id: string | null;
  source: RestAddress;
  destination: RestAddress;
  status: string;
  /** Absent before the call's first action (VoIPBIN's enum has no empty type). */
  action?: Record<string, unknown>;
  direction: string;
  hold: boolean;
  /** '' when not muted, else in, out or both. */
  mute_direction: string;
  hangup_by: string;
  hangup_reason: string;
  /** Why the product ended the call when hangup_reason alone does not say; '' when nothing to add (an addition). */
  hangup_detail: string;
  /** Ended by reconciliation: the channel was found gone and its end was never heard (an addition). */
  hangup_reconciled: boolean;
  dial_timeout: number;
  early_execution: boolean;
  /** An outgoing tel call's tries, one per provider, oldest first (not VoIPBIN's: docs/voipbin-differences.md). */
  attempts: RestCallAttempt[];
  tm_create: string;
  tm_update: string;
  tm_progressing: string;
  tm_ringing: string;
  tm_hangup: string;
  tm_delete: string;
}

/** One try of an outgoing tel call through one provider (route failover, docs/routing.md). */
export interface RestCallAttempt {
  /** The all-zero UUID: the single default provider (no route matched). */
  provider_id: string;
  provider_name: string;
  /** The Q.850 cause its channel ended with; 0 while it is up. */
  cause: number;
  /** '' while it is up; `failed` for every attempt that failed over; the last one's is the call's. */
  hangup_reason: string;
  tm_start: string;
  tm_end: string;
}

export const presentAttempt = (attempt: CallAttempt): RestCallAttempt => ({
  provider_id: attempt.providerId ?? ZERO_UUID,
  provider_name: attempt.providerName,
  cause: attempt.cause ?? 0,
  hangup_reason: attempt.hangupReason ?? '',
  tm_start: formatTime(attempt.tmStart),
  tm_end: formatTime(attempt.tmEnd),
});

/** A stored action with its tm_execute in the documentation's form (it is stored as ISO 8601). */
export function presentAction(action: Record<string, unknown>): Record<string, unknown> {
  const executed = action.tm_execute;
  return typeof executed === 'string' ? { ...action, tm_execute: formatTime(new Date(executed)) } : { ...action };
}

/** An address (or a groupcall's nested-groupcall destination, which has the same fields). */
export const presentAddress = (address: Omit<Address, 'type'> & { type: string }): RestAddress => ({
  type: address.type,
  target: address.target,
  target_name: address.targetName,
  name: address.name,
  detail: address.detail,
});

/** `chainedCallIds`: the calls whose master is this one, oldest first. */
export function presentCall(call: Call, chainedCallIds: readonly string[] = []): RestCall {
  return {
    id: call.id,
    customer_id: call.customerId,
    owner_type: '',
    owner_id: ZERO_UUID,
    flow_id: call.flowId ?? ZERO_UUID,
    activeflow_id: call.activeflowId ?? ZERO_UUID,
    type: call.type,
    master_call_id: call.masterCallId ?? ZERO_UUID,
    chained_call_ids: [...chainedCallIds],
    recording_id: call.recordingId ?? ZERO_UUID,
    recording_ids: [...call.recordingIds],
    groupcall_id: call.groupcallId,
    source: presentAddress(call.source),
    destination: presentAddress(call.destination),
    status: call.status,
    ...(call.action ? { action: presentAction(call.action) } : {}),
    direction: call.direction,
    hold: call.hold,
    mute_direction: call.muteDirection,
    hangup_by: call.hangupBy ?? '',
    hangup_reason: call.hangupReason ?? '',
    hangup_detail: call.hangupDetail ?? '',
    hangup_reconciled: call.hangupReconciled,
    dial_timeout: call.dialTimeoutMs,
    early_execution: call.earlyExecution,
    attempts: call.attempts.map(presentAttempt),
    tm_create: formatTime(call.tmCreate),
    tm_update: formatTime(call.tmUpdate),
    tm_progressing: formatTime(call.tmProgressing),
    tm_ringing: formatTime(call.tmRinging),
    tm_hangup: formatTime(call.tmHangup),
    tm_delete: formatTime(call.tmDelete),
  };
}

/** Each call's chained calls, from one list of chained calls (one query for a whole response). */
export function chainedIdsByMaster(chained: readonly Pick<Call, 'id' | 'masterCallId'>[]): Map<string, string[]> {
  const byMaster = new Map<string, string[]>();
  for (const call of chained) {
    if (!call.masterCallId) continue;
    const ids = byMaster.get(call.masterCallId) ?? [];
    ids.push(call.id);
    byMaster.set(call.masterCallId, ids);
  }
  return byMaster;
}

/** A call event's snapshot (chained_call_ids included) in the REST shape. */
export const presentCallSnapshot = (payload: Record<string, unknown>): RestCall => presentCall(callFromRow(payload), chainedIdsOfSnapshot(payload));
