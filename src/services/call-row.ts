import type { Address } from '../domain/address';
import type { Call } from '../domain/call';
import type { CallDirection, CallStatus } from '../domain/call-status';
import type { HangupBy, HangupReason } from '../domain/hangup';
import type { MuteDirection } from '../domain/media-control';
import type { CallAttempt } from '../domain/failover';
import type { PlannedProvider } from '../domain/routing';
import { nullableNumber, nullableString, rowTime } from './row-values';

/** A `calls` row as Postgres returns it (Date values), or an event's call snapshot (ISO strings). */
export type CallRow = Record<string, unknown>;

export interface StoredAddress {
  type: Address['type'];
  target: string;
  target_name?: string;
  name?: string;
  detail?: string;
}

export const addressToStored = (address: Address): StoredAddress => ({
  type: address.type,
  target: address.target,
  target_name: address.targetName,
  name: address.name,
  detail: address.detail,
});

export const addressFromStored = (stored: StoredAddress): Address => ({
  type: stored.type,
  target: stored.target,
  targetName: stored.target_name ?? '',
  name: stored.name ?? '',
  detail: stored.detail ?? '',
});

/** The calls chained to the call at the change an event's snapshot was taken at ([] for events older than the field). */
export const chainedIdsOfSnapshot = (payload: Record<string, unknown>): string[] => (payload.chained_call_ids as string[] | undefined) ?? [];

export function callFromRow(row: CallRow): Call {
  return {
    id: row.id as string,
    channelId: (row.channel_id as string | null | undefined) ?? (row.id as string),
    customerId: row.customer_id as string,
    flowId: nullableString(row.flow_id),
    activeflowId: nullableString(row.activeflow_id),
    variables: (row.variables as Record<string, string> | null | undefined) ?? {},
    type: row.type as string,
    status: row.status as CallStatus,
    direction: row.direction as CallDirection,
    source: addressFromStored(row.source as StoredAddress),
    destination: addressFromStored(row.destination as StoredAddress),
    masterCallId: nullableString(row.master_call_id),
    groupcallId: nullableString(row.groupcall_id),
    recordingId: nullableString(row.recording_id),
    recordingIds: (row.recording_ids as string[] | null) ?? [],
    action: (row.action as Record<string, unknown> | null) ?? null,
    earlyExecution: Boolean(row.early_execution),
    dialTimeoutMs: Number(row.dial_timeout),
    hangupRequest: nullableString<HangupReason>(row.hangup_request),
    hangupBy: nullableString<HangupBy>(row.hangup_by),
    hangupReason: nullableString<HangupReason>(row.hangup_reason),
    hangupDetail: nullableString(row.hangup_detail),
    hangupReconciled: Boolean(row.hangup_reconciled),
    hold: Boolean(row.hold),
    muteDirection: ((row.mute_direction as string | null | undefined) ?? '') as MuteDirection,
    moh: Boolean(row.moh),
    silence: Boolean(row.silence),
    reactionError: nullableString(row.reaction_error),
    routePlan: plannedFromStored(row.route_plan),
    attempts: attemptsFromStored(row.attempts),
    eventSeq: Number(row.event_seq),
    tmCreate: rowTime(row.tm_create) as Date,
    tmUpdate: rowTime(row.tm_update) as Date,
    tmRinging: rowTime(row.tm_ringing),
    tmProgressing: rowTime(row.tm_progressing),
    tmHangup: rowTime(row.tm_hangup),
    tmDelete: rowTime(row.tm_delete),
  };
}

/** A planned provider as the calls row keeps it (snake case). */
export interface StoredPlannedProvider {
  provider_id: string;
  provider_name: string;
  endpoint: string;
  /** Absent in the plans of calls made before providers had them. */
  tech_headers?: Record<string, string>;
  codecs?: string;
}

export const plannedToStored = (planned: PlannedProvider): StoredPlannedProvider => ({
  provider_id: planned.providerId,
  provider_name: planned.providerName,
  endpoint: planned.endpoint,
  tech_headers: { ...planned.techHeaders },
  codecs: planned.codecs,
});

/** Event snapshots carry no route plan (it names the providers' endpoints and headers): [] there. */
const plannedFromStored = (value: unknown): PlannedProvider[] =>
  ((value as StoredPlannedProvider[] | null | undefined) ?? []).map((stored) => ({
    providerId: stored.provider_id,
    providerName: stored.provider_name,
    endpoint: stored.endpoint,
    techHeaders: stored.tech_headers ?? {},
    codecs: stored.codecs ?? '',
  }));

const attemptsFromStored = (value: unknown): CallAttempt[] =>
  ((value as Record<string, unknown>[] | null | undefined) ?? []).map((stored) => ({
    providerId: nullableString(stored.provider_id),
    providerName: String(stored.provider_name ?? ''),
    channelId: String(stored.channel_id),
    tmStart: rowTime(stored.tm_start) as Date,
    tmEnd: rowTime(stored.tm_end),
    cause: nullableNumber(stored.cause),
    hangupReason: nullableString<HangupReason>(stored.hangup_reason),
  }));
