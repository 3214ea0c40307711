import type { Transfer, TransferFallback, TransferStatus, TransferType } from '../domain/transfer';
import { addressFromStored, type StoredAddress } from './call-row';
import { nullableString, rowTime } from './row-values';

/** A `transfers` row as Postgres returns it, or a transfer event's snapshot. */
export type TransferRow = Record<string, unknown>;

function fallbackOf(row: TransferRow): TransferFallback {
  if (!row.fallback_flow_id) return null;
  return { flowId: row.fallback_flow_id as string, actions: Array.isArray(row.fallback_actions) ? (row.fallback_actions as Record<string, unknown>[]) : null };
}

export function transferFromRow(row: TransferRow): Transfer {
  const destination = addressFromStored(row.destination as StoredAddress);
  const destinations = Array.isArray(row.destinations) && row.destinations.length > 0 ? (row.destinations as StoredAddress[]).map(addressFromStored) : [destination];
  const consultCallId = nullableString(row.consult_call_id);
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    type: row.type as TransferType,
    status: row.status as TransferStatus,
    transfererCallId: row.transferer_call_id as string,
    callerCallId: row.caller_call_id as string,
    consultCallId,
    consultCallIds: Array.isArray(row.consult_call_ids) ? (row.consult_call_ids as string[]) : consultCallId ? [consultCallId] : [],
    destination,
    destinations,
    ringMethod: row.ring_method === 'linear' ? 'linear' : 'ring_all',
    groupcallId: nullableString(row.groupcall_id),
    context: (row.context ?? {}) as Record<string, unknown>,
    timeoutMs: Number(row.timeout),
    fallback: fallbackOf(row),
    idempotencyKey: nullableString(row.idempotency_key),
    reason: nullableString(row.reason),
    eventSeq: Number(row.event_seq),
    tmCreate: rowTime(row.tm_create) as Date,
    tmUpdate: rowTime(row.tm_update) as Date,
    tmRinging: rowTime(row.tm_ringing),
    tmAnswer: rowTime(row.tm_answer),
    tmEnd: rowTime(row.tm_end),
  };
}
