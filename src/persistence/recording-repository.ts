import type { Call } from '../domain/call';
import type { EventNameOf } from '../domain/events/event-types';
import type { Recording, RecordingOptions, RecordingPart } from '../domain/recording';
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from './database';
import { callFromRow, type CallRow } from '../services/call-row';
import { outboxInsert } from './outbox';
import { recordingFromRow, type RecordingRow } from '../services/recording-row';

type Sql = Pick<PrismaClient, '$queryRaw' | '$executeRaw'>;


export interface RecordingCursor {
  createdUs: bigint;
  id: string;
}

/** The recording's own event, from its row as it is after the change, in the same transaction. */
async function recordingEvent(sql: Sql, recording: RecordingRow, type: EventNameOf<'recording'>): Promise<void> {
  await sql.$executeRaw`${outboxInsert({ resource: 'recording', event: type, from: 'recordings', where: Prisma.sql`s.id = ${recording.id as string}::uuid` })}`;
}

/** Clears the call's active recording (when it is this one), with call_updated. */
async function releaseCall(sql: Sql, recording: RecordingRow): Promise<void> {
  await sql.$queryRaw`
    WITH released AS (
      UPDATE calls SET recording_id = NULL, event_seq = event_seq + 1, tm_update = clock_timestamp()
      WHERE id = ${recording.reference_id as string}::uuid AND recording_id = ${recording.id as string}::uuid
      RETURNING *
    ), event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'released' })})
    SELECT 1 AS changed`;
}

/**
 * The SQL of recordings. A change that touches the recording and its call (recording_id,
 * recording_ids) runs in one transaction with both events; the row is locked first, so two
 * media events of one recording (its two parts) apply one after the other.
 */
export function createRecordingRepository(prisma: PrismaClient) {
  const lock = async (sql: Sql, id: string): Promise<RecordingRow | null> =>
    (await sql.$queryRaw<RecordingRow[]>`SELECT * FROM recordings WHERE id = ${id}::uuid FOR UPDATE`)[0] ?? null;

  return {
    /**
     * Makes the recording and makes it the call's active one, if the call is still progressing
     * with no active recording; null otherwise (the caller reads the call again to say why).
     */
    async start(call: Pick<Call, 'id' | 'customerId'>, id: string, options: RecordingOptions, parts: RecordingPart[]): Promise<{ call: Call; recording: Recording } | null> {
      const rows = await prisma.$queryRaw<(CallRow & { recording: RecordingRow })[]>`
        WITH owner AS (
          UPDATE calls SET recording_id = ${id}::uuid, recording_ids = array_append(recording_ids, ${id}::uuid),
                           event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${call.id}::uuid AND customer_id = ${call.customerId}::uuid AND status = 'progressing'
            AND recording_id IS NULL AND tm_delete IS NULL
          RETURNING *
        ), made AS (
          INSERT INTO recordings (id, customer_id, reference_type, reference_id, activeflow_id, status, format, direction, channels,
                                  end_of_silence, end_of_key, duration, parts, tm_create, tm_update)
          SELECT ${id}::uuid, customer_id, 'call', id, activeflow_id, 'initiating', ${options.format}, ${options.direction}, ${options.channels},
                 ${options.endOfSilence}::int, ${options.endOfKey}, ${options.duration}::int, ${parts}::text[], clock_timestamp(), clock_timestamp()
          FROM owner
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'owner' })})
        SELECT owner.*, to_jsonb(made) AS recording FROM owner, made`;
      const row = rows[0];
      return row ? { call: callFromRow(row), recording: recordingFromRow(row.recording) } : null;
    },

    /**
     * RecordingStarted of a part: its start time is kept (to align the parts); the first one
     * moves initiating → recording, with recording_started. tm_start is the earliest part's.
     */
    async markRecording(id: string, part: RecordingPart, at: Date | null): Promise<Recording | null> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<(RecordingRow & { was: string })[]>`
          WITH before AS (SELECT id, status AS was FROM recordings WHERE id = ${id}::uuid FOR UPDATE)
          UPDATE recordings r SET
            part_started_at = r.part_started_at || jsonb_build_object(${part}::text, COALESCE(${at}::timestamptz, clock_timestamp())),
            tm_start = LEAST(r.tm_start, COALESCE(${at}::timestamptz, clock_timestamp())),
            status = CASE WHEN r.status = 'initiating' THEN 'recording' ELSE r.status END,
            event_seq = r.event_seq + CASE WHEN r.status = 'initiating' THEN 1 ELSE 0 END,
            tm_update = clock_timestamp()
          FROM before WHERE r.id = before.id AND r.status <> 'ended'
          RETURNING r.*, before.was`;
        const row = rows[0];
        if (!row || row.was !== 'initiating') return null;
        await recordingEvent(tx, row, 'recording_started');
        return recordingFromRow(row);
      });
    },

    /** A stop was asked for (API, flow, key, hangup): → stopping, and the call is free to record again. */
    async markStopping(id: string): Promise<Recording | null> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<RecordingRow[]>`
          UPDATE recordings SET status = 'stopping', tm_update = clock_timestamp()
          WHERE id = ${id}::uuid AND status IN ('initiating', 'recording') RETURNING *`;
        if (!rows[0]) return null;
        await releaseCall(tx, rows[0]);
        return recordingFromRow(rows[0]);
      });
    },

    /**
     * RecordingFinished of one part. A part that ends on its own (duration, silence, its snoop
     * gone with the call) stops the recording too. tm_end is set when the last part is in.
     */
    async partFinished(id: string, part: RecordingPart, at: Date | null): Promise<Recording | null> {
      return prisma.$transaction(async (tx) => {
        const current = await lock(tx, id);
        if (!current || current.status === 'ended') return null;
        const finished = new Set([...(current.finished_parts as string[]), part]);
        const complete = (current.parts as string[]).every((p) => finished.has(p));
        const rows = await tx.$queryRaw<RecordingRow[]>`
          UPDATE recordings SET finished_parts = ${[...finished]}::text[], status = 'stopping', tm_update = clock_timestamp(),
                                tm_end = CASE WHEN ${complete} THEN GREATEST(tm_end, COALESCE(${at}::timestamptz, clock_timestamp())) ELSE tm_end END
          WHERE id = ${id}::uuid RETURNING *`;
        if (current.status !== 'stopping') await releaseCall(tx, rows[0] as RecordingRow);
        return recordingFromRow(rows[0] as RecordingRow);
      });
    },

    /** The file is stored: → ended with its file, and recording_finished (never before this). */
    async markEnded(id: string, file: { name: string; size: number; durationMs: number } | null): Promise<Recording | null> {
      return prisma.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<RecordingRow[]>`
          UPDATE recordings SET status = 'ended', file_name = ${file?.name ?? null}, file_size = ${file?.size ?? null}::int,
                                file_duration_ms = ${file?.durationMs ?? null}::int, tm_end = COALESCE(tm_end, clock_timestamp()),
                                tm_update = clock_timestamp(), event_seq = event_seq + ${file ? 1 : 0}::int
          WHERE id = ${id}::uuid AND status <> 'ended' RETURNING *`;
        if (!rows[0]) return null;
        await releaseCall(tx, rows[0]);
        if (file) await recordingEvent(tx, rows[0], 'recording_finished');
        return recordingFromRow(rows[0]);
      });
    },

    async markDeleted(id: string, customerId: string): Promise<Recording | null> {
      const rows = await prisma.$queryRaw<RecordingRow[]>`
        UPDATE recordings SET tm_delete = clock_timestamp(), tm_update = clock_timestamp()
        WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND tm_delete IS NULL RETURNING *`;
      return rows[0] ? recordingFromRow(rows[0]) : null;
    },

    async findById(id: string): Promise<Recording | null> {
      const rows = await prisma.$queryRaw<RecordingRow[]>`SELECT * FROM recordings WHERE id = ${id}::uuid`;
      return rows[0] ? recordingFromRow(rows[0]) : null;
    },

    async findOwned(id: string, customerId: string): Promise<Recording | null> {
      const rows = await prisma.$queryRaw<RecordingRow[]>`
        SELECT * FROM recordings WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND tm_delete IS NULL`;
      return rows[0] ? recordingFromRow(rows[0]) : null;
    },

    /** The recordings of several calls at once (one query for a page of calls), oldest first. */
    async findByCalls(callIds: readonly string[], customerId: string): Promise<Recording[]> {
      const rows = await prisma.$queryRaw<RecordingRow[]>`
        SELECT * FROM recordings WHERE reference_id = ANY(${callIds}::uuid[]) AND customer_id = ${customerId}::uuid AND tm_delete IS NULL
        ORDER BY tm_create, id`;
      return rows.map(recordingFromRow);
    },

    async list(customerId: string, limit: number, after?: RecordingCursor): Promise<{ recordings: Recording[]; cursors: RecordingCursor[] }> {
      const conditions = [Prisma.sql`customer_id = ${customerId}::uuid`, Prisma.sql`tm_delete IS NULL`];
      if (after) {
        conditions.push(Prisma.sql`(tm_create, id) < (timestamptz 'epoch' + ${after.createdUs.toString()}::bigint * interval '1 microsecond', ${after.id}::uuid)`);
      }
      const rows = await prisma.$queryRaw<(RecordingRow & { tm_create_us: bigint })[]>`
        SELECT *, (extract(epoch FROM tm_create) * 1000000)::bigint AS tm_create_us FROM recordings
        WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY tm_create DESC, id DESC LIMIT ${limit}`;
      return { recordings: rows.map(recordingFromRow), cursors: rows.map((row) => ({ createdUs: BigInt(row.tm_create_us), id: row.id as string })) };
    },

    /** Recordings not yet ended of a call: what its hangup must stop. */
    async findUnendedOfCall(callId: string): Promise<Recording[]> {
      const rows = await prisma.$queryRaw<RecordingRow[]>`SELECT * FROM recordings WHERE reference_id = ${callId}::uuid AND status <> 'ended'`;
      return rows.map(recordingFromRow);
    },
  };
}

export type RecordingRepository = ReturnType<typeof createRecordingRepository>;
