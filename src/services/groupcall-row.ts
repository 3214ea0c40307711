import type { AnswerMethod, Groupcall, GroupcallStatus, RingMethod } from '../domain/groupcall';
import { addressFromStored, type StoredAddress } from './call-row';
import { nullableString, rowTime } from './row-values';

/** A `groupcalls` row as Postgres returns it, or an event's groupcall snapshot (ISO strings). */
export type GroupcallRow = Record<string, unknown>;

export function groupcallFromRow(row: GroupcallRow): Groupcall {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    flowId: nullableString(row.flow_id),
    source: addressFromStored(row.source as StoredAddress),
    destinations: (row.destinations as StoredAddress[]).map(addressFromStored),
    ringMethod: row.ring_method as RingMethod,
    answerMethod: row.answer_method as AnswerMethod,
    answerCallId: nullableString(row.answer_call_id),
    answerGroupcallId: nullableString(row.answer_groupcall_id),
    callIds: (row.call_ids as string[] | null) ?? [],
    callCount: Number(row.call_count ?? 0),
    groupcallIds: (row.groupcall_ids as string[] | null) ?? [],
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
