import type { Activeflow, CurrentAction } from '../domain/flow/activeflow';
import type { ExecutedAction } from '../domain/flow/flow-engine';
import type { PrismaClient } from './database';
import { activeflowFromRow, type ActiveflowRow } from '../services/activeflow-row';
import { outboxInsert } from './outbox';

export interface NewActiveflow {
  id: string;
  customerId: string;
  flowId: string;
  callId: string;
  variables: Record<string, string>;
}

/** A move of a running activeflow from `fromStep` to the next step (or to its end). */
export interface ActiveflowMove {
  id: string;
  fromStep: number;
  /** The flow it is in after the move (another one when it went on to on_complete_flow_id). */
  flowId?: string | undefined;
  currentAction: CurrentAction | null;
  /**
   * The current action begins with this move: the statement writes its tmExecute (and the call
   * action's tm_execute) with the database's clock, the clock of every row the action then makes
   * (a connect's legs, a recording), so that "made since the action began" is read on one clock.
   */
  startsAction: boolean;
  executedActions: ExecutedAction[];
  variables: Record<string, string>;
  loopCounts: Record<string, number>;
  ended: boolean;
  /** The call's `action` column (REST shape); undefined leaves the call alone. */
  callAction?: Record<string, unknown> | undefined;
}


/**
 * The SQL of activeflows. Each change is one statement with its activeflow_* event (and, when the
 * current action changes, the call's action and its call_updated event).
 */
export function createActiveflowRepository(prisma: PrismaClient) {
  return {
    /** Answers null when the call already has its activeflow (a repeated start). */
    async create(flow: NewActiveflow): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        WITH inserted AS (
          INSERT INTO activeflows (id, customer_id, flow_id, on_complete_flow_id, reference_type, reference_id, variables, event_seq, tm_create, tm_update)
          VALUES (${flow.id}::uuid, ${flow.customerId}::uuid, ${flow.flowId}::uuid,
                  (SELECT on_complete_flow_id FROM flows WHERE id = ${flow.flowId}::uuid), 'call', ${flow.callId}::uuid,
                  ${JSON.stringify(flow.variables)}::jsonb, 1, clock_timestamp(), clock_timestamp())
          ON CONFLICT (reference_type, reference_id) DO NOTHING
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'activeflow', event: 'activeflow_created', from: 'inserted' })})
        SELECT inserted.* FROM inserted`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    /** Applies the move if the activeflow is still running at `fromStep`; null when it is not. */
    async move(move: ActiveflowMove): Promise<Activeflow | null> {
      const callAction = move.callAction === undefined ? null : JSON.stringify(move.callAction);
      const currentAction = JSON.stringify(move.currentAction);
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        WITH stamped AS (
          -- One reading of the clock for the whole move: the action's start, tm_update and tm_end agree.
          SELECT at,
                 CASE WHEN ${move.startsAction} THEN jsonb_set(${currentAction}::jsonb, '{tmExecute}', stamp) ELSE ${currentAction}::jsonb END AS current_action,
                 CASE WHEN ${move.startsAction} THEN jsonb_set(${callAction}::jsonb, '{tm_execute}', stamp) ELSE ${callAction}::jsonb END AS call_action
          FROM (SELECT at, to_jsonb(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) AS stamp FROM (SELECT clock_timestamp() AS at) now) clock
        ), moved AS (
          UPDATE activeflows SET
            step = step + 1,
            flow_id = COALESCE(${move.flowId ?? null}::uuid, flow_id),
            status = CASE WHEN ${move.ended} THEN 'ended' ELSE status END,
            tm_end = CASE WHEN ${move.ended} THEN stamped.at ELSE tm_end END,
            current_action = stamped.current_action,
            executed_actions = ${JSON.stringify(move.executedActions)}::jsonb,
            variables = ${JSON.stringify(move.variables)}::jsonb,
            loop_counts = ${JSON.stringify(move.loopCounts)}::jsonb,
            event_seq = event_seq + 1,
            tm_update = stamped.at
          FROM stamped
          WHERE id = ${move.id}::uuid AND step = ${move.fromStep} AND status = 'running'
          RETURNING activeflows.*
        ), call_moved AS (
          UPDATE calls SET action = (SELECT call_action FROM stamped), event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE ${callAction}::jsonb IS NOT NULL AND id = (SELECT reference_id FROM moved) AND status <> 'hangup'
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'activeflow', event: 'activeflow_updated', from: 'moved', callSource: 'call_moved' })}
        ), call_event AS (${outboxInsert({ resource: 'call', event: 'call_updated', from: 'call_moved' })})
        SELECT moved.* FROM moved`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    /** Variables changed within a step (digits collected); null when no longer at that step. */
    async setVariables(id: string, step: number, variables: Record<string, string>): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        WITH moved AS (
          UPDATE activeflows SET variables = ${JSON.stringify(variables)}::jsonb, event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${id}::uuid AND step = ${step} AND status = 'running'
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'activeflow', event: 'activeflow_updated', from: 'moved' })})
        SELECT moved.* FROM moved`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    async findById(id: string): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`SELECT * FROM activeflows WHERE id = ${id}::uuid`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    async findOwned(id: string, customerId: string): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        SELECT * FROM activeflows WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND tm_delete IS NULL`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    /** Marks an ended activeflow deleted, with its activeflow_deleted event; null when it is not (or no longer) there. */
    async markDeleted(id: string, customerId: string): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        WITH deleted AS (
          UPDATE activeflows SET tm_delete = clock_timestamp(), event_seq = event_seq + 1, tm_update = clock_timestamp()
          WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid AND status = 'ended' AND tm_delete IS NULL
          RETURNING *
        ), event AS (${outboxInsert({ resource: 'activeflow', event: 'activeflow_deleted', from: 'deleted' })})
        SELECT deleted.* FROM deleted`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    async findByCall(callId: string): Promise<Activeflow | null> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        SELECT * FROM activeflows WHERE reference_type = 'call' AND reference_id = ${callId}::uuid`;
      return rows[0] ? activeflowFromRow(rows[0]) : null;
    },

    async findByCalls(callIds: readonly string[], customerId: string): Promise<Activeflow[]> {
      const rows = await prisma.$queryRaw<ActiveflowRow[]>`
        SELECT * FROM activeflows WHERE reference_type = 'call' AND reference_id = ANY(${callIds}::uuid[])
          AND customer_id = ${customerId}::uuid`;
      return rows.map(activeflowFromRow);
    },

    /** Newest first, strictly older than `beforeUs` (microseconds of tm_create) when given. */
    async list(customerId: string, limit: number, beforeUs: bigint | null): Promise<{ activeflows: Activeflow[]; createdUs: bigint[] }> {
      const before = beforeUs === null ? null : beforeUs.toString();
      const rows = await prisma.$queryRaw<(ActiveflowRow & { tm_create_us: bigint })[]>`
        SELECT *, (extract(epoch FROM tm_create) * 1000000)::bigint AS tm_create_us FROM activeflows
        WHERE customer_id = ${customerId}::uuid AND tm_delete IS NULL
          AND (${before}::bigint IS NULL OR tm_create < timestamptz 'epoch' + ${before}::bigint * interval '1 microsecond')
        ORDER BY tm_create DESC, id DESC LIMIT ${limit}`;
      return { activeflows: rows.map(activeflowFromRow), createdUs: rows.map((row) => BigInt(row.tm_create_us)) };
    },
  };
}

export type ActiveflowRepository = ReturnType<typeof createActiveflowRepository>;
