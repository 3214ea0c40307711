/**
 * What an event carries: the resource as it was right after the change, field by field (snake
 * case, as the row names them; timestamps as ISO text). Built in the change's own statement by one
 * mapper per resource (src/services/outbox/), read back by the row mappers, so a webhook, the topic
 * socket, the event history and GraphQL all present the same snapshot.
 */
export interface StoredAddressSnapshot {
  type: string;
  target: string;
  target_name?: string;
  name?: string;
  detail?: string;
}

export interface StoredAttemptSnapshot {
  provider_id: string | null;
  provider_name: string;
  channel_id: string;
  tm_start: string;
  tm_end: string | null;
  cause: number | null;
  hangup_reason: string | null;
}

export interface CallSnapshot {
  id: string;
  channel_id: string | null;
  customer_id: string;
  flow_id: string | null;
  activeflow_id: string | null;
  /** What the client seeded the flow's variables with. */
  variables: Record<string, string>;
  type: string;
  status: string;
  direction: string;
  source: StoredAddressSnapshot;
  destination: StoredAddressSnapshot;
  master_call_id: string | null;
  /** The calls chained to this one at the change, oldest first. */
  chained_call_ids: string[];
  groupcall_id: string | null;
  recording_id: string | null;
  recording_ids: string[];
  action: Record<string, unknown> | null;
  early_execution: boolean;
  dial_timeout: number;
  hangup_request: string | null;
  hangup_by: string | null;
  hangup_reason: string | null;
  hangup_cause: number | null;
  /** Why the product ended the call, when the reason alone does not say (null: nothing to add). */
  hangup_detail: string | null;
  /** Ended by reconciliation: its channel was found gone, its real end never heard. */
  hangup_reconciled: boolean;
  hold: boolean;
  mute_direction: string;
  moh: boolean;
  silence: boolean;
  /** Why a reaction to one of the call's changes could not run (null: none failed). */
  reaction_error: string | null;
  /** An outgoing tel call's attempts, one per provider tried (docs/routing.md). */
  attempts: StoredAttemptSnapshot[];
  event_seq: number;
  tm_create: string;
  tm_update: string;
  tm_ringing: string | null;
  tm_progressing: string | null;
  tm_hangup: string | null;
  tm_delete: string | null;
}

export interface ActiveflowSnapshot {
  id: string;
  customer_id: string;
  flow_id: string;
  on_complete_flow_id: string | null;
  reference_type: string;
  reference_id: string;
  status: string;
  step: number;
  current_action: Record<string, unknown> | null;
  executed_actions: Record<string, unknown>[];
  variables: Record<string, string>;
  loop_counts: Record<string, number>;
  event_seq: number;
  tm_create: string;
  tm_update: string;
  tm_end: string | null;
  tm_delete: string | null;
  /** The call the flow runs on, as it was at this change (not as it is when the event is read). */
  call: CallSnapshot | null;
}

export interface RecordingSnapshot {
  id: string;
  customer_id: string;
  reference_type: string;
  reference_id: string;
  activeflow_id: string | null;
  status: string;
  format: string;
  direction: string;
  channels: string;
  end_of_silence: number;
  end_of_key: string;
  duration: number;
  parts: string[];
  finished_parts: string[];
  part_started_at: Record<string, string>;
  file_name: string | null;
  file_size: number | null;
  file_duration_ms: number | null;
  event_seq: number;
  tm_start: string | null;
  tm_end: string | null;
  tm_create: string;
  tm_update: string;
  tm_delete: string | null;
}

export interface GroupcallSnapshot {
  id: string;
  customer_id: string;
  flow_id: string | null;
  source: StoredAddressSnapshot;
  destinations: StoredAddressSnapshot[];
  ring_method: string;
  answer_method: string;
  answer_call_id: string | null;
  answer_groupcall_id: string | null;
  call_ids: string[];
  /** The legs not hung up at the change. */
  call_count: number;
  groupcall_ids: string[];
  /** The nested groupcalls not hung up at the change. */
  groupcall_count: number;
  master_call_id: string | null;
  master_groupcall_id: string | null;
  status: string;
  dial_index: number;
  dial_timeout: number;
  event_seq: number;
  tm_create: string;
  tm_update: string;
  tm_hangup: string | null;
  tm_delete: string | null;
}

export interface TransferSnapshot {
  id: string;
  customer_id: string;
  type: string;
  status: string;
  transferer_call_id: string;
  caller_call_id: string;
  consult_call_id: string | null;
  /** The spec's webhook names: the call handed over, and the call it is handed to. */
  from_call_id: string;
  to_call_id: string | null;
  destination: StoredAddressSnapshot;
  /** Every transferee asked for (several ring as the groupcall groupcall_id). */
  destinations: StoredAddressSnapshot[];
  ring_method: string;
  groupcall_id: string | null;
  /** Every call to a transferee: the one consult call, or the groupcall's legs. */
  consult_call_ids: string[];
  context: Record<string, unknown>;
  timeout: number;
  fallback_flow_id: string | null;
  fallback_actions: Record<string, unknown>[] | null;
  reason: string | null;
  event_seq: number;
  tm_create: string;
  tm_update: string;
  tm_ringing: string | null;
  tm_answer: string | null;
  tm_end: string | null;
}

/** The snapshot each resource type's events carry. */
export interface SnapshotOf {
  call: CallSnapshot;
  activeflow: ActiveflowSnapshot;
  recording: RecordingSnapshot;
  groupcall: GroupcallSnapshot;
  transfer: TransferSnapshot;
}

export type ResourceType = keyof SnapshotOf;
