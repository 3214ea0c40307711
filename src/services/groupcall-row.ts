import { isNested, NESTED_GROUPCALL_TYPE, type AnswerMethod, type Groupcall, type GroupcallDestination, type GroupcallStatus, type RingMethod } from '../domain/groupcall';
import { addressFromStored, addressToStored, type StoredAddress } from './call-row';
import { nullableString, rowTime } from './row-values';

/** A `groupcalls` row as Postgres returns it, or an event's groupcall snapshot (ISO strings). */
export type GroupcallRow = Record<string, unknown>;

export function groupcallFromRow(row: GroupcallRow): Groupcall {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    flowId: nullableString(row.flow_id),
    source: addressFromStored(row.source as StoredAddress),
    destinations: (row.destinations as StoredDestination[]).map(destinationFromStored),
    ringMethod: row.ring_method as RingMethod,
    answerMethod: row.answer_method as AnswerMethod,
    answerCallId: nullableString(row.answer_call_id),
    answerGroupcallId: nullableString(row.answer_groupcall_id),
    callIds: (row.call_ids as string[] | null) ?? [],
    callCount: Number(row.call_count ?? 0),
    groupcallIds: (row.groupcall_ids as string[] | null) ?? [],
    groupcallCount: Number(row.groupcall_count ?? 0),
    masterCallId: nullableString(row.master_call_id),
    masterGroupcallId: nullableString(row.master_groupcall_id),
    status: row.status as GroupcallStatus,
    dialIndex: Number(row.dial_index),
    dialTimeoutMs: Number(row.dial_timeout),
    eventSeq: Number(row.event_seq),
    tmCreate: rowTime(row.tm_create) as Date,
    tmUpdate: rowTime(row.tm_update) as Date,
    tmHangup: rowTime(row.tm_hangup),
    tmDelete: rowTime(row.tm_delete),
  };
}

/** A destination as stored in `groupcalls.destinations`: an address, or a nested groupcall with what it dials. */
export type StoredDestination =
  | StoredAddress
  | (Omit<StoredAddress, 'type'> & { type: typeof NESTED_GROUPCALL_TYPE; groupcall: { destinations: StoredDestination[]; ring_method: RingMethod; dial_timeout: number } });

export function destinationToStored(destination: GroupcallDestination): StoredDestination {
  if (!isNested(destination)) return addressToStored(destination);
  const { groupcall } = destination;
  return {
    type: NESTED_GROUPCALL_TYPE,
    target: destination.target,
    target_name: destination.targetName,
    name: destination.name,
    detail: destination.detail,
    groupcall: { destinations: groupcall.destinations.map(destinationToStored), ring_method: groupcall.ringMethod, dial_timeout: groupcall.dialTimeoutMs },
  };
}

export function destinationFromStored(stored: StoredDestination): GroupcallDestination {
  if (stored.type !== NESTED_GROUPCALL_TYPE) return addressFromStored(stored);
  const nested = stored.groupcall;
  return {
    type: NESTED_GROUPCALL_TYPE,
    target: stored.target,
    targetName: stored.target_name ?? '',
    name: stored.name ?? '',
    detail: stored.detail ?? '',
    groupcall: { destinations: nested.destinations.map(destinationFromStored), ringMethod: nested.ring_method, dialTimeoutMs: Number(nested.dial_timeout) },
  };
}
