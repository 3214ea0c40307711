import type { SnapshotOf } from '../domain/events/snapshots';
import { Prisma } from '../generated/prisma/client';

/** A SQL expression per snapshot field, over the row aliased `t`: a field left out does not compile. */
type SnapshotColumns<S> = { readonly [K in keyof S]-?: (t: string) => string };

const column =
  (name: string) =>
  (t: string): string =>
    `${t}.${name}`;

/** The snapshot of a call: its row's fields and the calls chained to it at this change. */
const CALL: SnapshotColumns<SnapshotOf['call']> = {
  id: column('id'),
  channel_id: column('channel_id'),
  customer_id: column('customer_id'),
  flow_id: column('flow_id'),
  activeflow_id: column('activeflow_id'),
  variables: column('variables'),
  type: column('type'),
  status: column('status'),
  direction: column('direction'),
  source: column('source'),
  destination: column('destination'),
  master_call_id: column('master_call_id'),
  chained_call_ids: (t) => `ARRAY(SELECT chained.id FROM calls chained WHERE chained.master_call_id = ${t}.id ORDER BY chained.tm_create, chained.id)`,
  groupcall_id: column('groupcall_id'),
  recording_id: column('recording_id'),
  recording_ids: column('recording_ids'),
  action: column('action'),
  early_execution: column('early_execution'),
  dial_timeout: column('dial_timeout'),
  hangup_request: column('hangup_request'),
  hangup_by: column('hangup_by'),
  hangup_reason: column('hangup_reason'),
  hangup_cause: column('hangup_cause'),
  hangup_detail: column('hangup_detail'),
  hangup_reconciled: column('hangup_reconciled'),
  hold: column('hold'),
  mute_direction: column('mute_direction'),
  moh: column('moh'),
  silence: column('silence'),
  reaction_error: column('reaction_error'),
  attempts: column('attempts'),
  event_seq: column('event_seq'),
  tm_create: column('tm_create'),
  tm_update: column('tm_update'),
  tm_ringing: column('tm_ringing'),
  tm_progressing: column('tm_progressing'),
  tm_hangup: column('tm_hangup'),
  tm_delete: column('tm_delete'),
};

/**
 * The snapshot of an activeflow, with its call as it is in this statement: `callSource` names a
 * CTE that changed the call in the same statement (its new row); otherwise the stored row.
 */
const activeflowColumns = (callSource: string | null): SnapshotColumns<SnapshotOf['activeflow']> => ({
  id: column('id'),
  customer_id: column('customer_id'),
  flow_id: column('flow_id'),
  on_complete_flow_id: column('on_complete_flow_id'),
  reference_type: column('reference_type'),
  reference_id: column('reference_id'),
  status: column('status'),
  step: column('step'),
  current_action: column('current_action'),
  executed_actions: column('executed_actions'),
  variables: column('variables'),
  loop_counts: column('loop_counts'),
  event_seq: column('event_seq'),
  tm_create: column('tm_create'),
  tm_update: column('tm_update'),
  tm_end: column('tm_end'),
  tm_delete: column('tm_delete'),
  call: (t) => {
    const stored = `(SELECT ${objectOf(CALL, 'c')} FROM calls c WHERE c.id = ${t}.reference_id)`;
    return callSource ? `COALESCE((SELECT ${objectOf(CALL, 'c')} FROM ${callSource} c WHERE c.id = ${t}.reference_id), ${stored})` : stored;
  },
});

const RECORDING: SnapshotColumns<SnapshotOf['recording']> = {
  id: column('id'),
  customer_id: column('customer_id'),
  reference_type: column('reference_type'),
  reference_id: column('reference_id'),
  activeflow_id: column('activeflow_id'),
  status: column('status'),
  format: column('format'),
  direction: column('direction'),
  channels: column('channels'),
  end_of_silence: column('end_of_silence'),
  end_of_key: column('end_of_key'),
  duration: column('duration'),
  parts: column('parts'),
  finished_parts: column('finished_parts'),
  part_started_at: column('part_started_at'),
  file_name: column('file_name'),
  file_size: column('file_size'),
  file_duration_ms: column('file_duration_ms'),
  event_seq: column('event_seq'),
  tm_start: column('tm_start'),
  tm_end: column('tm_end'),
  tm_create: column('tm_create'),
  tm_update: column('tm_update'),
  tm_delete: column('tm_delete'),
};

/** A groupcall's legs not yet hung up (VoIPBIN's call_count): listed legs less those that ended. */
export const groupcallCallCountSql = (t: string): string =>
  `(cardinality(${t}.call_ids) - (SELECT count(*) FROM calls leg WHERE leg.id = ANY(${t}.call_ids) AND leg.status = 'hangup')::int)`;

/** A groupcall's nested groupcalls not yet hung up (VoIPBIN's groupcall_count). */
export const groupcallGroupcallCountSql = (t: string): string =>
  `(cardinality(${t}.groupcall_ids) - (SELECT count(*) FROM groupcalls child WHERE child.id = ANY(${t}.groupcall_ids) AND child.status = 'hangup')::int)`;

const GROUPCALL: SnapshotColumns<SnapshotOf['groupcall']> = {
  id: column('id'),
  customer_id: column('customer_id'),
  flow_id: column('flow_id'),
  source: column('source'),
  destinations: column('destinations'),
  ring_method: column('ring_method'),
  answer_method: column('answer_method'),
  answer_call_id: column('answer_call_id'),
  answer_groupcall_id: column('answer_groupcall_id'),
  call_ids: column('call_ids'),
  call_count: groupcallCallCountSql,
  groupcall_ids: column('groupcall_ids'),
  groupcall_count: groupcallGroupcallCountSql,
  master_call_id: column('master_call_id'),
  master_groupcall_id: column('master_groupcall_id'),
  status: column('status'),
  dial_index: column('dial_index'),
  dial_timeout: column('dial_timeout'),
  event_seq: column('event_seq'),
  tm_create: column('tm_create'),
  tm_update: column('tm_update'),
  tm_hangup: column('tm_hangup'),
  tm_delete: column('tm_delete'),
};

const TRANSFER: SnapshotColumns<SnapshotOf['transfer']> = {
  id: column('id'),
  customer_id: column('customer_id'),
  type: column('type'),
  status: column('status'),
  transferer_call_id: column('transferer_call_id'),
  caller_call_id: column('caller_call_id'),
  consult_call_id: column('consult_call_id'),
  from_call_id: column('caller_call_id'),
  to_call_id: column('consult_call_id'),
  destination: column('destination'),
  destinations: column('destinations'),
  ring_method: column('ring_method'),
  groupcall_id: column('groupcall_id'),
  consult_call_ids: column('consult_call_ids'),
  context: column('context'),
  timeout: column('timeout'),
  fallback_flow_id: column('fallback_flow_id'),
  fallback_actions: column('fallback_actions'),
  reason: column('reason'),
  event_seq: column('event_seq'),
  tm_create: column('tm_create'),
  tm_update: column('tm_update'),
  tm_ringing: column('tm_ringing'),
  tm_answer: column('tm_answer'),
  tm_end: column('tm_end'),
};

function objectOf<S>(columns: SnapshotColumns<S>, t: string): string {
  const pairs = Object.entries<(t: string) => string>(columns).map(([key, expression]) => `'${key}', ${expression(t)}`);
  return `jsonb_build_object(${pairs.join(', ')})`;
}

export interface SnapshotOptions {
  /** For activeflows: the CTE holding the call's row as changed by the same statement. */
  callSource?: string;
}

/** The payload expression of a resource's event, over the row aliased `t` (code-made aliases only). */
export function snapshotSql(resource: keyof SnapshotOf, t: string, options: SnapshotOptions = {}): Prisma.Sql {
  if (resource === 'call') return Prisma.raw(objectOf(CALL, t));
  if (resource === 'recording') return Prisma.raw(objectOf(RECORDING, t));
  if (resource === 'groupcall') return Prisma.raw(objectOf(GROUPCALL, t));
  if (resource === 'transfer') return Prisma.raw(objectOf(TRANSFER, t));
  return Prisma.raw(objectOf(activeflowColumns(options.callSource ?? null), t));
}
