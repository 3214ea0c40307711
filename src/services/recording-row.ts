import type { Recording, RecordingChannels, RecordingDirection, RecordingFormat, RecordingPart, RecordingStatus } from '../domain/recording';
import { nullableNumber, rowTime } from './row-values';

/** A `recordings` row as Postgres returns it. */
export type RecordingRow = Record<string, unknown>;

export function recordingFromRow(row: RecordingRow): Recording {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    referenceType: 'call',
    referenceId: row.reference_id as string,
    activeflowId: (row.activeflow_id ?? null) as string | null,
    status: row.status as RecordingStatus,
    format: row.format as RecordingFormat,
    direction: row.direction as RecordingDirection,
    channels: row.channels as RecordingChannels,
    endOfSilence: Number(row.end_of_silence),
    endOfKey: row.end_of_key as string,
    duration: Number(row.duration),
    parts: (row.parts ?? []) as RecordingPart[],
    finishedParts: (row.finished_parts ?? []) as RecordingPart[],
    partStartedAt: Object.fromEntries(Object.entries((row.part_started_at ?? {}) as Record<string, string>).map(([part, at]) => [part, new Date(at)])),
    fileName: (row.file_name ?? null) as string | null,
    fileSize: nullableNumber(row.file_size),
    fileDurationMs: nullableNumber(row.file_duration_ms),
    eventSeq: Number(row.event_seq),
    tmStart: rowTime(row.tm_start),
    tmEnd: rowTime(row.tm_end),
    tmCreate: rowTime(row.tm_create) as Date,
    tmUpdate: rowTime(row.tm_update) as Date,
    tmDelete: rowTime(row.tm_delete),
  };
}
