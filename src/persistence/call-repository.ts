import { randomUUID } from 'node:crypto';
import type { Call, CallCursor } from '../domain/call';
import { predecessorsOf, type CallStatus } from '../domain/call-status';
import type { CallEventType } from '../domain/call-lifecycle';
import { CHAINABLE_MASTER_STATUSES } from '../domain/call-chain';
import type { HangupBy, HangupReason } from '../domain/hangup';
import type { PrismaClient } from './database';
import { Prisma } from '../generated/prisma/client';
import { callFromRow, type CallRow } from '../services/call-row';
import { isUuid } from '../services/ids';
import { outboxInsert } from './outbox';
import { sqlOnPrisma, type SqlRunner } from './sql';
import { createRouteRepository } from './route-repository';
import { planRoute, type PlannedProvider, type RouteCandidate } from '../domain/routing';
import { plannedToStored, type StoredAddress } from '../services/call-row';

export interface NewCall {
  id: string;
  /** Only when the channel's id is not the call id (an Asterisk-named incoming channel). */
  channelId?: string;
  customerId: string;
  flowId: string | null;
  type: string;
  direction: Call['direction'];
  source: unknown;
  destination: unknown;
  masterCallId: string | null;
  /** A leg of this groupcall: inserted only if the groupcall lists it (its call_ids). */
  groupcallId?: string | null;
  earlyExecution: boolean;
  dialTimeoutMs: number;
  variables?: Record<string, string>;
  /** Outgoing calls start dialing; an incoming call starts as its channel is (ringing, or answered). */
  status?: 'dialing' | 'ringing' | 'progressing';
  /** The media server it is on, when known at creation (an incoming call: where it arrived). */
  mediaServer?: string | null;
  /** An outgoing tel call's plan fixed by its maker (a provider call: one provider, no route selection). */
  routePlan?: PlannedProvider[];
}

export interface NewFlow {
  id: string;
  customerId: string;
  type: 'flow' | 'temporary';
  actions: unknown;
}

export interface CallTransition {
  id: string;
  /** Only a call of this customer moves (a request of the API, decided without reading the call). */
  customerId?: string | undefined;
  /**
   * The status the decision was taken on; the update only applies if it is still the status.
   * Absent for moves that any allowed predecessor may make (ringing, answered).
   */
  from?: CallStatus | undefined;
  to: CallStatus;
  event: CallEventType;
  hangupRequest?: HangupReason | undefined;
  hangupBy?: HangupBy | undefined;
  hangupReason?: HangupReason | undefined;
  hangupCause?: number | undefined;
  hangupDetail?: string | undefined;
  hangupReconciled?: boolean | undefined;
}

export type { CallCursor };

/** The failed attempt `attemptsMade` of a call gives way to the next provider of its plan. */
export interface CallFailover {
  id: string;
  attemptsMade: number;
  cause: number;
  next: PlannedProvider;
  nextChannelId: string;
}

const isOutgoingTel = (call: NewCall): boolean => call.direction === 'outgoing' && (call.destination as StoredAddress | null)?.type === 'tel';

/** The first attempt of an outgoing tel call (its time is the insert's), through the plan's first provider. */
const firstAttempt = (call: NewCall, plan: PlannedProvider[]) => ({
  provider_id: plan[0]?.providerId ?? null,
  provider_name: plan[0]?.providerName ?? 'default',
  channel_id: call.id,
  tm_end: null,
  cause: null,
  hangup_reason: null,
});

export interface CallListQuery {
  customerId: string;
  limit: number;
  after?: CallCursor | undefined;
  statuses?: CallStatus[] | undefined;
  direction?: Call['direction'] | undefined;
}


/**
 * The SQL of calls. Every change is one statement that updates the row, bumps its event sequence
 * and inserts the outbox event together, so a change and its event are committed atomically.
 * Single statements go through `sql` (straight on the pool in the product, see sql.ts);
 * transactions through Prisma.
 */
export function createCallRepository(
  prisma: PrismaClient,
  sql: SqlRunner = sqlOnPrisma(prisma),
  /** The routes a customer's calls are planned with (the product's are memoized for ROUTE_CACHE_MS). */
  routeCandidates: (customerId: string) => Promise<RouteCandidate[]> = createRouteRepository(prisma, sql).candidatesFor,
) {
  /** The same move of several calls in one statement (each with its event): answers those still in `from`. */
  async function transitionMany(ids: readonly string[], change: Omit<CallTransition, 'id'>): Promise<Call[]> {
    const rows = await sql<CallRow>(Prisma.sql`
      WITH moved AS (
        UPDATE calls SET
          status = ${change.to},
          event_seq = event_seq + 1,
          tm_update = clock_timestamp(),
          tm_ringing = CASE WHEN ${change.to} = 'ringing' THEN clock_timestamp() ELSE tm_ringing END,
          tm_progressing = CASE WHEN ${change.to} = 'progressing' THEN clock_timestamp() ELSE tm_progressing END,
          tm_hangup = CASE WHEN ${change.to} = 'hangup' THEN clock_timestamp() ELSE tm_hangup END,
          hangup_request = COALESCE(${change.hangupRequest ?? null}::text, hangup_request),
          hangup_by = COALESCE(${change.hangupBy ?? null}::text, hangup_by),
          hangup_reason = COALESCE(${change.hangupReason ?? null}::text, hangup_reason),
          hangup_cause = COALESCE(${change.hangupCause ?? null}::int, hangup_cause),
          hangup_detail = COALESCE(${change.hangupDetail?.slice(0, 1000) ?? null}::text, hangup_detail),
          hangup_reconciled = hangup_reconciled OR ${change.hangupReconciled ?? false},
          -- The call's end is its last attempt's: the attempt records the cause and the reason.
          attempts = CASE WHEN ${change.to} = 'hangup' AND jsonb_array_length(attempts) > 0 AND attempts -> -1 ->> 'tm_end' IS NULL
            THEN jsonb_set(attempts, ARRAY[(jsonb_array_length(attempts) - 1)::text], (attempts -> -1) || jsonb_build_object(
              'tm_end', clock_timestamp(), 'cause', ${change.hangupCause ?? null}::int, 'hangup_reason', ${change.hangupReason ?? null}::text))
            ELSE attempts END
        WHERE id = ANY(${ids}::uuid[]) AND customer_id = COALESCE(${change.customerId ?? null}::uuid, customer_id)
          AND status = COALESCE(${change.from ?? null}::text, status)
          AND status = ANY(${predecessorsOf(change.to)}::text[])
        RETURNING *
      ), event AS (${outboxInsert({ resource: 'call', event: change.event, from: 'moved' })})
      SELECT moved.* FROM moved`);
    return rows.map(callFromRow);
  }

  /** The route plan of each outgoing tel call (a snapshot of the routes when it is made). */
  async function plansOf(calls: NewCall[]): Promise<Map<string, PlannedProvider[]>> {
    const plans = new Map<string, PlannedProvider[]>();
    const candidates = new Map<string, RouteCandidate[]>();
    for (const call of calls.filter(isOutgoingTel)) {
      if (call.routePlan) {
        plans.set(call.id, call.routePlan);
        continue;
      }
      if (!candidates.has(call.customerId)) candidates.set(call.customerId, await routeCandidates(call.customerId));
      plans.set(call.id, planRoute(candidates.get(call.customerId)!, call.customerId, (call.destination as StoredAddress).target));
    }
    return plans;
  }

  return {
    /**
     * Inserts the calls (and their temporary flow) with their call_created events. Calls with a
     * master are chained only while the master is chainable: the master's row is locked (FOR
     * SHARE) first, so its move to an ending state waits for this transaction, and the cascade
     * that follows that move sees these calls. Answers [] when the master was not chainable.
     * The calls of one insert share their master (one createCalls request). `before`: statements
     * of the same transaction that come first (a groupcall's row, which lists its legs).
     * `heldSource`: a number the customer must hold (a tel source), checked in the same statement
     * (nothing is inserted when it does not; the caller then tells why).
     */
    async insert(calls: NewCall[], flow: NewFlow | null, before: Prisma.PrismaPromise<unknown>[] = [], heldSource: string | null = null): Promise<Call[]> {
      const masterId = calls[0]?.masterCallId ?? null;
      const customerId = calls[0]?.customerId ?? null;
      const masterChainable = Prisma.sql`(${masterId}::uuid IS NULL OR EXISTS (
        SELECT 1 FROM calls m WHERE m.id = ${masterId}::uuid AND m.customer_id = ${customerId}::uuid
          AND m.status = ANY(${[...CHAINABLE_MASTER_STATUSES]}::text[])))
        AND (${heldSource}::text IS NULL OR EXISTS (
          SELECT 1 FROM numbers n WHERE n.customer_id = ${customerId}::uuid AND n.number = ${heldSource}::text AND n.tm_delete IS NULL))`;
      const plans = await plansOf(calls);
      const records = calls.map((call) => ({
        id: call.id,
        route_plan: (plans.get(call.id) ?? []).map(plannedToStored),
        attempt: plans.has(call.id) ? firstAttempt(call, plans.get(call.id)!) : null,
        channel_id: call.channelId ?? null,
        customer_id: call.customerId,
        flow_id: call.flowId,
        type: call.type,
        status: call.status ?? 'dialing',
        direction: call.direction,
        source: call.source,
        destination: call.destination,
        master_call_id: call.masterCallId,
        groupcall_id: call.groupcallId ?? null,
        early_execution: call.earlyExecution,
        dial_timeout: call.dialTimeoutMs,
        variables: call.variables ?? {},
        media_server: call.mediaServer ?? null,
      }));
      const insertStatement = Prisma.sql`
        WITH inserted AS (
          INSERT INTO calls (id, channel_id, customer_id, flow_id, activeflow_id, type, status, direction, source, destination,
                             master_call_id, groupcall_id, early_execution, dial_timeout, variables, event_seq, tm_create, tm_update,
                             tm_ringing, tm_progressing, route_plan, attempts, media_server, dial_deadline)
          SELECT x.id, x.channel_id, x.customer_id, x.flow_id, CASE WHEN x.flow_id IS NOT NULL THEN gen_random_uuid() END, x.type, x.status, x.direction, x.source, x.destination,
                 x.master_call_id, x.groupcall_id, x.early_execution, x.dial_timeout, COALESCE(x.variables, '{}'::jsonb), 1, clock_timestamp(), clock_timestamp(),
                 CASE WHEN x.status IN ('ringing', 'progressing') THEN clock_timestamp() END,
                 CASE WHEN x.status = 'progressing' THEN clock_timestamp() END,
                 COALESCE(x.route_plan, '[]'::jsonb),
                 CASE WHEN x.attempt IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(x.attempt || jsonb_build_object('tm_start', clock_timestamp())) END,
                 x.media_server,
                 -- The dial-timeout sweep (src/workers/dial-timeouts.ts) ends it past this, on the database's clock.
                 CASE WHEN x.direction = 'outgoing' THEN now() + x.dial_timeout * interval '1 millisecond' END
          FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS x(
            id uuid, channel_id text, customer_id uuid, flow_id uuid, type text, status text, direction text, source jsonb,
            destination jsonb, master_call_id uuid, groupcall_id uuid, early_execution boolean, dial_timeout int, variables jsonb,
            route_plan jsonb, attempt jsonb, media_server text)
          WHERE ${masterChainable}
            AND (x.groupcall_id IS NULL OR EXISTS (SELECT 1 FROM groupcalls g WHERE g.id = x.groupcall_id AND x.id = ANY(g.call_ids)))
          -- A repeated StasisStart of an incoming channel creates nothing (its id, or its
          -- channel_id, is taken).
          ON CONFLICT DO NOTHING
          RETURNING *
        ), created AS (${outboxInsert({ resource: 'call', event: 'call_created', from: 'inserted' })})
        SELECT inserted.* FROM inserted`;
      if (!flow && !masterId && before.length === 0) return (await sql<CallRow>(insertStatement)).map(callFromRow);
      const insertCalls = prisma.$queryRaw<CallRow[]>(insertStatement);
      const lockMaster = masterId ? [prisma.$queryRaw`SELECT id FROM calls WHERE id = ${masterId}::uuid FOR SHARE`] : [];
      const insertFlow = flow
        ? [
            prisma.$executeRaw`
        INSERT INTO flows (id, customer_id, type, actions)
        SELECT ${flow.id}::uuid, ${flow.customerId}::uuid, ${flow.type}, ${JSON.stringify(flow.actions)}::jsonb
        WHERE ${masterChainable}`,
          ]
        : [];
      const results = await prisma.$transaction([...lockMaster, ...before, ...insertFlow, insertCalls]);
      return (results.at(-1) as CallRow[]).map(callFromRow);
    },

    /** Applies a forward move; answers null when the call is no longer in `from` (someone else won). */
    async transition(change: CallTransition): Promise<Call | null> {
      return (await transitionMany([change.id], change))[0] ?? null;
    },

    /** The same move of several calls in one statement (each with its event): answers those still in `from`. */
    transitionMany,

    /**
     * Route failover: the current attempt ended failed; it is closed with its cause and the next
     * provider's attempt opens on a new channel, with call_updated (the call stays dialing). Only
     * while the call is dialing with nothing asked of it and this is still its latest attempt:
     * null when another change won.
     */
    async failOver(change: CallFailover): Promise<Call | null> {
      const next = {
        provider_id: change.next.providerId,
        provider_name: change.next.providerName,
        channel_id: change.nextChannelId,
        tm_end: null,
        cause: null,
        hangup_reason: null,
      };
      const rows = await prisma.$queryRaw<CallRow[]>`
        WITH moved AS (
          UPDATE calls SET
            attempts = jsonb_set(attempts, ARRAY[(jsonb_array_length(attempts) - 1)::text], (attempts -> -1) || jsonb_build_object(
                'tm_end', clock_timestamp(), 'cause', ${change.cause}::int, 'hangup_reason', 'failed'))
              || jsonb_build_array(${JSON.stringify(next)}::jsonb || jsonb_build_object('tm_start', clock_timestamp())),
            channel_id = ${change.nextChannelId},
            event_seq = event_seq + 1,
            tm_update = clock_timestamp()
          WHERE id = ${change.id}::uuid AND status = 'dialing' AND hangup_request IS NULL
            AND jsonb_array_length(attempts) = ${change.attemptsMade}::int
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'moved' })})
        SELECT moved.* FROM moved`;
      return rows[0] ? callFromRow(rows[0]) : null;
    },

    /** Records why a reaction to the call's change could not run, with its call_updated event. */
    async recordReactionError(id: string, reason: string): Promise<void> {
      await sql(Prisma.sql`
        WITH failed AS (
          UPDATE calls SET reaction_error = ${reason.slice(0, 1000)}, event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${id}::uuid
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'failed' })})
        SELECT 1 AS changed FROM failed`);
    },

    async markDeleted(id: string, customerId: string): Promise<Call | null> {
    const rows = await sql<CallRow>(Prisma.sql`
        WITH deleted AS (
          UPDATE calls SET tm_delete = clock_timestamp(), tm_update = clock_timestamp(), event_seq = event_seq + 1
          WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND tm_delete IS NULL
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'call', event: 'call_deleted', from: 'deleted' })})
        SELECT deleted.* FROM deleted`);
      return rows[0] ? callFromRow(rows[0]) : null;
    },

    /** Internal lookup by id alone: for media events and jobs, which carry no customer. */
    async findById(id: string): Promise<Call | null> {
      if (!isUuid(id)) return null; // a channel the product did not make
      const rows = await sql<CallRow>(Prisma.sql`SELECT * FROM calls WHERE id = ${id}::uuid`);
      return rows[0] ? callFromRow(rows[0]) : null;
    },

    /**
     * The call whose channel this is. A UUID channel id is the call id (no lookup: every
     * channel the product makes); another id is looked up by the unique channel_id.
     */
    async callIdOfChannel(channelId: string): Promise<string | null> {
      if (isUuid(channelId)) return channelId.toLowerCase();
      const rows = await sql<{ id: string }>(Prisma.sql`SELECT id::text FROM calls WHERE channel_id = ${channelId}`);
      return rows[0]?.id ?? null;
    },

    async findByChannel(channelId: string): Promise<Call | null> {
      const rows = isUuid(channelId)
        ? await sql<CallRow>(Prisma.sql`SELECT * FROM calls WHERE id = ${channelId}::uuid`)
        : await sql<CallRow>(Prisma.sql`SELECT * FROM calls WHERE channel_id = ${channelId}`);
      return rows[0] ? callFromRow(rows[0]) : null;
    },

    /** The channel id of a call, for media requests by call id (the call id when it has none of its own). */
    async channelOf(callId: string): Promise<string> {
      const rows = await sql<{ channel_id: string | null }>(Prisma.sql`SELECT channel_id FROM calls WHERE id = ${callId}::uuid`);
      return rows[0]?.channel_id ?? callId;
    },

    async findOwned(id: string, customerId: string): Promise<Call | null> {
    const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid`);
      return rows[0] ? callFromRow(rows[0]) : null;
    },

    async findManyOwned(ids: readonly string[], customerId: string): Promise<Call[]> {
    const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE id = ANY(${ids}::uuid[]) AND customer_id = ${customerId}::uuid`);
      return rows.map(callFromRow);
    },

    /**
     * The calls chained to `masterId` made at or after `since`, a moment the database wrote (an
     * action's tmExecute): compared in the statement, on the database's one clock, to the microsecond.
     */
    async findChainedSince(masterId: string, customerId: string, since: string): Promise<Call[]> {
      const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE master_call_id = ${masterId}::uuid AND customer_id = ${customerId}::uuid AND tm_create >= ${since}::timestamptz
        ORDER BY tm_create`);
      return rows.map(callFromRow);
    },

    async findChained(masterIds: readonly string[], customerId: string): Promise<Call[]> {
    const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE master_call_id = ANY(${masterIds}::uuid[]) AND customer_id = ${customerId}::uuid
        ORDER BY tm_create`);
      return rows.map(callFromRow);
    },

    async list(query: CallListQuery): Promise<{ calls: Call[]; cursors: CallCursor[] }> {
      const conditions = [Prisma.sql`customer_id = ${query.customerId}::uuid`, Prisma.sql`tm_delete IS NULL`];
      if (query.after) {
        conditions.push(Prisma.sql`(tm_create, id) < (timestamptz 'epoch' + ${query.after.createdUs.toString()}::bigint * interval '1 microsecond', ${query.after.id}::uuid)`);
      }
      if (query.statuses?.length) conditions.push(Prisma.sql`status = ANY(${query.statuses}::text[])`);
      if (query.direction) conditions.push(Prisma.sql`direction = ${query.direction}`);
      const rows = await prisma.$queryRaw<(CallRow & { tm_create_us: bigint })[]>`
        SELECT *, (extract(epoch FROM tm_create) * 1000000)::bigint AS tm_create_us FROM calls
        WHERE ${Prisma.join(conditions, ' AND ')}
        ORDER BY tm_create DESC, id DESC LIMIT ${query.limit}`;
      return {
        calls: rows.map(callFromRow),
        cursors: rows.map((row) => ({ createdUs: BigInt(row.tm_create_us), id: row.id as string })),
      };
    },

    /** The chained calls of a master that have not hung up yet (internal: the master's cascade). */
    async findLiveChained(masterId: string): Promise<Call[]> {
    const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE master_call_id = ${masterId}::uuid AND status <> 'hangup' ORDER BY tm_create`);
      return rows.map(callFromRow);
    },

    /** Live chained calls whose master is already ending or gone (a cascade that was lost). */
    async findOrphanedChained(): Promise<Call[]> {
    const rows = await sql<CallRow>(Prisma.sql`
        SELECT c.* FROM calls c JOIN calls m ON m.id = c.master_call_id
        WHERE c.status <> 'hangup' AND NOT (m.status = ANY(${[...CHAINABLE_MASTER_STATUSES]}::text[]))`);
      return rows.map(callFromRow);
    },

    /**
     * Calls still dialing or ringing past their dial deadline by the database's clock (so every
     * worker agrees when a call is due), the most overdue first; the partial index over calls
     * dialing or ringing keeps this from reading any other call.
     */
    async findOverdueDials(limit: number): Promise<Call[]> {
      const rows = await sql<CallRow>(Prisma.sql`
        SELECT * FROM calls WHERE status IN ('dialing', 'ringing') AND dial_deadline <= now()
        ORDER BY dial_deadline LIMIT ${limit}`);
      return rows.map(callFromRow);
    },

    /** Live calls, for reconciling with the media server after a reconnect. */
    async findLive(): Promise<Call[]> {
      const rows = await sql<CallRow>(Prisma.sql`SELECT * FROM calls WHERE status <> 'hangup'`);
      return rows.map(callFromRow);
    },

    /** The live calls on one media server (`first`: it is the first listed, which holds the calls with none). */
    async findLiveOn(server: string, first: boolean): Promise<Call[]> {
      const rows = await prisma.$queryRaw<CallRow[]>`
        SELECT * FROM calls WHERE status <> 'hangup' AND (media_server = ${server} OR (${first} AND media_server IS NULL))`;
      return rows.map(callFromRow);
    },

    /**
     * Places a call on a media server, once: a call that has one keeps it (a retried originate);
     * a chained call goes where its master is (a bridge joins channels of one server); any other
     * to the one with the fewest live calls placed on it (the first listed on a tie) among those
     * not marked lost. `servers`
     * in ARI_URL order. One statement: two placements at the same moment may pick the same server.
     */
    async placeOnMediaServer(id: string, servers: readonly string[]): Promise<string | null> {
      const first = servers[0] ?? null;
      const rows = await prisma.$queryRaw<{ media_server: string | null }[]>`
        UPDATE calls c SET media_server = COALESCE(
          c.media_server,
          (SELECT COALESCE(m.media_server, ${first}) FROM calls m WHERE m.id = c.master_call_id),
          (SELECT s.name FROM unnest(${[...servers]}::text[]) WITH ORDINALITY AS s(name, ord)
           WHERE NOT EXISTS (SELECT 1 FROM media_servers d WHERE d.name = s.name AND d.lost_at IS NOT NULL)
           ORDER BY (SELECT count(*) FROM calls l WHERE l.media_server = s.name AND l.status <> 'hangup'), s.ord LIMIT 1))
        WHERE c.id = ${id}::uuid
        RETURNING c.media_server`;
      return rows[0]?.media_server ?? null;
    },

    /** Marks a media server lost (its consumer found it unreachable) or back in service. */
    async markMediaServer(name: string, lost: boolean): Promise<void> {
      await prisma.$executeRaw`
        INSERT INTO media_servers (name, lost_at) VALUES (${name}, CASE WHEN ${lost} THEN clock_timestamp() END)
        ON CONFLICT (name) DO UPDATE SET lost_at = CASE WHEN ${lost} THEN COALESCE(media_servers.lost_at, clock_timestamp()) END`;
    },

    /** The media server of a channel's call: `unknown` when no call has the channel (a snoop, another app's). */
    async mediaServerOfChannel(channelId: string): Promise<{ server: string | null } | 'unknown'> {
      const rows = isUuid(channelId)
        ? await prisma.$queryRaw<{ media_server: string | null }[]>`SELECT media_server FROM calls WHERE id = ${channelId}::uuid`
        : await prisma.$queryRaw<{ media_server: string | null }[]>`SELECT media_server FROM calls WHERE channel_id = ${channelId}`;
      return rows[0] ? { server: rows[0].media_server } : 'unknown';
    },
  };
}

export type CallRepository = ReturnType<typeof createCallRepository>;

export const newCallId = (): string => randomUUID();
