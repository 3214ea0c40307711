import type { Groupcall } from '../domain/groupcall';
import type { CallCursor } from '../domain/call';
import { Prisma } from '../generated/prisma/client';
import { groupcallFromRow, type GroupcallRow } from '../services/groupcall-row';
import type { PrismaClient } from './database';
import { outboxInsert } from './outbox';
import { CHAINABLE_MASTER_STATUSES } from '../domain/call-chain';
import { groupcallCallCountSql, groupcallGroupcallCountSql } from './snapshot-sql';

/** The row with its live-leg and live-nested-groupcall counts, over the row aliased `t`. */
const withCount = (t: string) => Prisma.raw(`${t}.*, ${groupcallCallCountSql(t)} AS call_count, ${groupcallGroupcallCountSql(t)} AS groupcall_count`);

/** What a linear groupcall dials next: a leg, or a nested groupcall. */
export type NextDial = { callId: string } | { groupcallId: string };

export interface NewGroupcall {
  id: string;
  customerId: string;
  flowId: string | null;
  source: unknown;
  destinations: unknown[];
  ringMethod: string;
  answerMethod: string;
  /** The legs dialled at once (their calls are inserted in the same transaction). */
  callIds: string[];
  /** The nested groupcalls dialled at once (inserted in the same transaction, after this one). */
  groupcallIds: string[];
  /** A nested groupcall's master: it is inserted only while its master lists it. */
  masterGroupcallId: string | null;
  /** The call a flow's connect rings this groupcall for. */
  masterCallId: string | null;
  dialTimeoutMs: number;
}

const one = (rows: GroupcallRow[]): Groupcall | null => (rows[0] ? groupcallFromRow(rows[0]) : null);

/**
 * The SQL of groupcalls. Every change is one conditional statement with its outbox event, so
 * two legs answering at once are decided by the row (`answer_call_id IS NULL`), not by a read.
 */
export function createGroupcallRepository(prisma: PrismaClient) {
  return {
    /**
     * The groupcall's row and groupcall_created: a statement of its legs' insert, before them. A
     * nested groupcall is inserted only if its master (inserted or moved on just before, in the
     * same transaction) lists it, and only once however often its master's dial is retried; a
     * connect's groupcall only while its call is up.
     */
    insertStatement(groupcall: NewGroupcall): Prisma.PrismaPromise<unknown> {
      return prisma.$queryRaw`
        WITH inserted AS (
          INSERT INTO groupcalls (id, customer_id, flow_id, source, destinations, ring_method, answer_method, call_ids, groupcall_ids,
                                  master_groupcall_id, master_call_id, status, dial_index, dial_timeout, event_seq, tm_create, tm_update)
          SELECT ${groupcall.id}::uuid, ${groupcall.customerId}::uuid, ${groupcall.flowId}::uuid, ${JSON.stringify(groupcall.source)}::jsonb,
                 ${JSON.stringify(groupcall.destinations)}::jsonb, ${groupcall.ringMethod}, ${groupcall.answerMethod}, ${groupcall.callIds}::uuid[],
                 ${groupcall.groupcallIds}::uuid[], ${groupcall.masterGroupcallId}::uuid, ${groupcall.masterCallId}::uuid,
                 'progressing', 0, ${groupcall.dialTimeoutMs}, 1, clock_timestamp(), clock_timestamp()
          WHERE (${groupcall.masterGroupcallId}::uuid IS NULL
                 OR EXISTS (SELECT 1 FROM groupcalls m WHERE m.id = ${groupcall.masterGroupcallId}::uuid AND ${groupcall.id}::uuid = ANY(m.groupcall_ids)))
            -- A connect's groupcall only while its call can still have legs (the legs' insert checks the same).
            AND (${groupcall.masterCallId}::uuid IS NULL OR EXISTS (
                 SELECT 1 FROM calls c WHERE c.id = ${groupcall.masterCallId}::uuid AND c.status = ANY(${[...CHAINABLE_MASTER_STATUSES]}::text[])))
          ON CONFLICT DO NOTHING
          RETURNING *
        ), created AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_created', from: 'inserted' })})
        SELECT 1 AS changed FROM inserted`;
    },

    /**
     * Linear: moves on from the destination at `fromIndex` to the next, listing its new leg (or
     * nested groupcall), only while nobody answered, the groupcall still dials and the call a
     * connect rings it for is still up. What is dialled is inserted next in the same transaction
     * and inserts nothing unless this listed it.
     */
    advanceStatement(id: string, fromIndex: number, next: NextDial): Prisma.PrismaPromise<unknown> {
      const callId = 'callId' in next ? next.callId : null;
      const groupcallId = 'groupcallId' in next ? next.groupcallId : null;
      return prisma.$queryRaw`
        WITH moved AS (
          UPDATE groupcalls g SET dial_index = dial_index + 1,
                 call_ids = CASE WHEN ${callId}::uuid IS NULL THEN call_ids ELSE call_ids || ${callId}::uuid END,
                 groupcall_ids = CASE WHEN ${groupcallId}::uuid IS NULL THEN groupcall_ids ELSE groupcall_ids || ${groupcallId}::uuid END,
                 event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE g.id = ${id}::uuid AND g.dial_index = ${fromIndex} AND g.answer_call_id IS NULL AND g.status = 'progressing'
            AND g.dial_index + 1 < jsonb_array_length(g.destinations)
            AND (g.master_call_id IS NULL OR EXISTS (
              SELECT 1 FROM calls m WHERE m.id = g.master_call_id AND m.status = ANY(${[...CHAINABLE_MASTER_STATUSES]}::text[])))
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_updated', from: 'moved' })})
        SELECT 1 AS changed FROM moved`;
    },

    /**
     * The first answer wins: null when another leg answered first or the groupcall is ending.
     * `via`: the nested groupcall the answer came through (its own leg when null).
     */
    async claimAnswer(id: string, callId: string, via: string | null): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`
        WITH won AS (
          UPDATE groupcalls SET answer_call_id = ${callId}::uuid, answer_groupcall_id = ${via}::uuid, event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${id}::uuid AND answer_call_id IS NULL AND status = 'progressing'
            AND (CASE WHEN ${via}::uuid IS NULL THEN ${callId}::uuid = ANY(call_ids) ELSE ${via}::uuid = ANY(groupcall_ids) END)
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_progressing', from: 'won' })})
        SELECT ${withCount('won')} FROM won`);
    },

    /** The client hangs the groupcall up: progressing → hangingup (its legs are hung up next). */
    async markHangingUp(id: string): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`
        WITH moved AS (
          UPDATE groupcalls SET status = 'hangingup', event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${id}::uuid AND status = 'progressing'
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_updated', from: 'moved' })})
        SELECT ${withCount('moved')} FROM moved`);
    },

    /**
     * Ends the groupcall once none of its legs and nested groupcalls is up (and, linear, none is
     * left to dial): the status condition makes groupcall_hangup happen exactly once however many
     * legs end together.
     */
    async endIfIdle(id: string): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`
        WITH ended AS (
          UPDATE groupcalls g SET status = 'hangup', event_seq = event_seq + 1, tm_update = clock_timestamp(), tm_hangup = clock_timestamp()
          WHERE g.id = ${id}::uuid AND g.status <> 'hangup'
            AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.groupcall_id = g.id AND c.status <> 'hangup')
            AND NOT EXISTS (SELECT 1 FROM groupcalls n WHERE n.master_groupcall_id = g.id AND n.status <> 'hangup')
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_hangup', from: 'ended' })})
        SELECT ${withCount('ended')} FROM ended`);
    },

    async markDeleted(id: string, customerId: string): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`
        WITH deleted AS (
          UPDATE groupcalls SET tm_delete = clock_timestamp(), tm_update = clock_timestamp(), event_seq = event_seq + 1
          WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND tm_delete IS NULL
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'groupcall', event: 'groupcall_deleted', from: 'deleted' })})
        SELECT ${withCount('deleted')} FROM deleted`);
    },

    async findById(id: string): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`SELECT ${withCount('g')} FROM groupcalls g WHERE g.id = ${id}::uuid`);
    },

    async findOwned(id: string, customerId: string): Promise<Groupcall | null> {
      return one(await prisma.$queryRaw<GroupcallRow[]>`SELECT ${withCount('g')} FROM groupcalls g WHERE g.id = ${id}::uuid AND g.customer_id = ${customerId}::uuid`);
    },

    /** The nested groupcalls a groupcall lists (no customer: the reactions' read). */
    async findManyByIds(ids: readonly string[]): Promise<Groupcall[]> {
      if (ids.length === 0) return [];
      const rows = await prisma.$queryRaw<GroupcallRow[]>`SELECT ${withCount('g')} FROM groupcalls g WHERE g.id = ANY(${ids}::uuid[])`;
      return rows.map(groupcallFromRow);
    },

    async findManyOwned(ids: readonly string[], customerId: string): Promise<Groupcall[]> {
      const rows = await prisma.$queryRaw<GroupcallRow[]>`SELECT ${withCount('g')} FROM groupcalls g WHERE g.id = ANY(${ids}::uuid[]) AND g.customer_id = ${customerId}::uuid`;
      return rows.map(groupcallFromRow);
    },

    /** Newest first, like calls (the one paging rule). */
    async list(customerId: string, limit: number, after: CallCursor | undefined): Promise<{ groupcalls: Groupcall[]; cursors: CallCursor[] }> {
      const conditions = [Prisma.sql`customer_id = ${customerId}::uuid`, Prisma.sql`tm_delete IS NULL`];
      if (after) {
        conditions.push(Prisma.sql`(tm_create, id) < (timestamptz 'epoch' + ${after.createdUs.toString()}::bigint * interval '1 microsecond', ${after.id}::uuid)`);
      }
      const rows = await prisma.$queryRaw<(GroupcallRow & { tm_create_us: bigint })[]>`
        SELECT ${withCount('g')}, (extract(epoch FROM tm_create) * 1000000)::bigint AS tm_create_us FROM groupcalls g
        WHERE ${Prisma.join(conditions, ' AND ')}
        ORDER BY tm_create DESC, id DESC LIMIT ${limit}`;
      return { groupcalls: rows.map(groupcallFromRow), cursors: rows.map((row) => ({ createdUs: BigInt(row.tm_create_us), id: row.id as string })) };
    },
  };
}

export type GroupcallRepository = ReturnType<typeof createGroupcallRepository>;
