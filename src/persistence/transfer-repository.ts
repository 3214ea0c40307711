import type { Address } from '../domain/address';
import type { RingMethod } from '../domain/groupcall';
import { statusesBefore, TRANSFER_EVENT_OF, type Transfer, type TransferStatus, type TransferType } from '../domain/transfer';
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from './database';
import { outboxInsert } from './outbox';
import { addressToStored } from '../services/call-row';
import { transferFromRow, type TransferRow } from '../services/transfer-row';

export interface NewTransfer {
  id: string;
  customerId: string;
  type: TransferType;
  transfererCallId: string;
  callerCallId: string;
  /**
   * Chosen with the transfer, so a change of a consult call is known as the transfer's from its
   * first event: the one consult call (consultCallId too), or the legs of the groupcall
   * `groupcallId` (consultCallId is then the winner, set by its answer).
   */
  consultCallId: string | null;
  consultCallIds: string[];
  groupcallId: string | null;
  destinations: Address[];
  ringMethod: RingMethod;
  context: Record<string, unknown>;
  timeoutMs: number;
  /** A saved flow of the customer's, or the temporary flow made here for fallbackActions. */
  fallbackFlowId: string | null;
  fallbackActions: Record<string, unknown>[] | null;
  idempotencyKey: string | null;
}

export interface TransferCursor {
  createdUs: bigint;
  id: string;
}

export interface TransferMove {
  status: TransferStatus;
  type: TransferType;
  reason: string | null;
  /** The leg that won the transferees' groupcall: the transferee's call from now on. */
  consultCallId?: string;
}

/**
 * The SQL of transfers. Every change is one conditional statement with its event (the one
 * outbox writer): a status only moves to a later one, so of two racing changes the second finds
 * no row and changes nothing.
 */
export function createTransferRepository(prisma: PrismaClient) {
  return {
    /**
     * Makes the transfer (status dialing, transfer_created) and the temporary flow of its fallback
     * actions, in one statement. A conflict when the key was used before, or
     * when a transfer is already in progress on one of its calls (the unique indexes say which).
     */
    async create(transfer: NewTransfer): Promise<{ created: Transfer } | { conflict: 'idempotency_key' | 'in_progress' }> {
      try {
        const actions = transfer.fallbackActions ? JSON.stringify(transfer.fallbackActions) : null;
        const rows = await prisma.$queryRaw<TransferRow[]>`
          WITH fallback_flow AS (
            INSERT INTO flows (id, customer_id, type, actions, tm_create, tm_update)
            SELECT ${transfer.fallbackFlowId}::uuid, ${transfer.customerId}::uuid, 'temporary', ${actions}::jsonb, clock_timestamp(), clock_timestamp()
            WHERE ${actions}::jsonb IS NOT NULL
          ), made AS (
            INSERT INTO transfers (id, customer_id, type, status, transferer_call_id, caller_call_id, consult_call_id, consult_call_ids, groupcall_id,
                                   destination, destinations, ring_method, context, timeout,
                                   fallback_flow_id, fallback_actions, idempotency_key, event_seq, tm_create, tm_update)
            VALUES (${transfer.id}::uuid, ${transfer.customerId}::uuid, ${transfer.type}, 'dialing', ${transfer.transfererCallId}::uuid,
                    ${transfer.callerCallId}::uuid, ${transfer.consultCallId}::uuid, ${transfer.consultCallIds}::uuid[], ${transfer.groupcallId}::uuid,
                    ${JSON.stringify(addressToStored(transfer.destinations[0]!))}::jsonb, ${JSON.stringify(transfer.destinations.map(addressToStored))}::jsonb,
                    ${transfer.ringMethod}, ${JSON.stringify(transfer.context)}::jsonb,
                    ${transfer.timeoutMs}::int, ${transfer.fallbackFlowId}::uuid, ${actions}::jsonb,
                    ${transfer.idempotencyKey}, 1, clock_timestamp(), clock_timestamp())
            RETURNING *
          ), event AS (${outboxInsert({ resource: 'transfer', event: 'transfer_created', from: 'made' })})
          SELECT made.* FROM made`;
        return { created: transferFromRow(rows[0] as TransferRow) };
      } catch (error) {
        const text = String((error as Error).message);
        if (text.includes('transfers_customer_id_idempotency_key_key')) return { conflict: 'idempotency_key' };
        if (text.includes('transfers_active_')) return { conflict: 'in_progress' };
        throw error;
      }
    },

    /**
     * Moves the transfer from `from` (the status and type the move was decided on) to `move`,
     * with the event of the new status; null when the row is no longer as it was decided on
     * (another change won: a move decided on an attended transfer must not undo its turn to blind).
     * A move to the same status only changes the type (an attended transfer turned blind).
     */
    async move(id: string, decidedOn: { status: TransferStatus; type: TransferType }, move: TransferMove): Promise<Transfer | null> {
      const from = decidedOn.status;
      const same = from === move.status;
      if (!same && !statusesBefore(move.status).includes(from)) return null;
      const event = same ? null : TRANSFER_EVENT_OF[move.status];
      const rows = await prisma.$queryRaw<TransferRow[]>`
        WITH moved AS (
          UPDATE transfers SET status = ${move.status}, type = ${move.type}, reason = COALESCE(${move.reason}, reason),
                 consult_call_id = COALESCE(${move.consultCallId ?? null}::uuid, consult_call_id),
                 event_seq = event_seq + ${same ? 0 : 1}::int, tm_update = clock_timestamp(),
                 tm_ringing = CASE WHEN ${move.status} = 'ringing' THEN clock_timestamp() ELSE tm_ringing END,
                 tm_answer = CASE WHEN ${move.status} = 'consulting' OR (${move.status} = 'completed' AND tm_answer IS NULL) THEN clock_timestamp() ELSE tm_answer END,
                 tm_end = CASE WHEN ${move.status} IN ('completed', 'cancelled', 'failed') THEN clock_timestamp() ELSE tm_end END
          WHERE id = ${id}::uuid AND status = ${from} AND type = ${decidedOn.type} ${same ? Prisma.sql`AND type <> ${move.type}` : Prisma.empty}
          RETURNING *
        ) ${event ? Prisma.sql`, event AS (${outboxInsert({ resource: 'transfer', event, from: 'moved' })})` : Prisma.empty}
        SELECT moved.* FROM moved`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    async findById(id: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`SELECT * FROM transfers WHERE id = ${id}::uuid`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    async findOwned(id: string, customerId: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`SELECT * FROM transfers WHERE id = ${id}::uuid AND customer_id = ${customerId}::uuid`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    async findByIdempotencyKey(customerId: string, key: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`SELECT * FROM transfers WHERE customer_id = ${customerId}::uuid AND idempotency_key = ${key}`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    /** The newest transfer this call is part of (as transferer, caller or one of its consult calls): in progress first. */
    async findOfCall(callId: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`
        SELECT * FROM transfers
        WHERE transferer_call_id = ${callId}::uuid OR caller_call_id = ${callId}::uuid OR consult_call_ids @> ARRAY[${callId}::uuid]
        ORDER BY (status IN ('dialing', 'ringing', 'consulting')) DESC, tm_create DESC LIMIT 1`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    /** The transfer whose transferees ring as this groupcall. */
    async findOfGroupcall(groupcallId: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`SELECT * FROM transfers WHERE groupcall_id = ${groupcallId}::uuid`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    /** The customer's transfers each of these calls is part of (as transferer, caller or consult call), oldest first. */
    async findOfCalls(callIds: readonly string[], customerId: string): Promise<Transfer[]> {
      const ids = [...callIds];
      const rows = await prisma.$queryRaw<TransferRow[]>`
        SELECT * FROM transfers
        WHERE customer_id = ${customerId}::uuid
          AND (transferer_call_id = ANY(${ids}::uuid[]) OR caller_call_id = ANY(${ids}::uuid[]) OR consult_call_ids && ${ids}::uuid[])
        ORDER BY tm_create, id`;
      return rows.map(transferFromRow);
    },

    /** Whether this call is a consult call of a transfer (its legs are the transfer's, not a connect's). */
    async isConsultCall(callId: string): Promise<boolean> {
      const rows = await prisma.$queryRaw<{ found: boolean }[]>`SELECT EXISTS (SELECT 1 FROM transfers WHERE consult_call_ids @> ARRAY[${callId}::uuid]) AS found`;
      return rows[0]?.found === true;
    },

    /** The newest transfer this call is the caller of. */
    async latestOfCaller(callId: string): Promise<Transfer | null> {
      const rows = await prisma.$queryRaw<TransferRow[]>`SELECT * FROM transfers WHERE caller_call_id = ${callId}::uuid ORDER BY tm_create DESC LIMIT 1`;
      return rows[0] ? transferFromRow(rows[0]) : null;
    },

    async list(customerId: string, limit: number, after?: TransferCursor): Promise<{ transfers: Transfer[]; cursors: TransferCursor[] }> {
      const conditions = [Prisma.sql`customer_id = ${customerId}::uuid`];
      if (after) {
        conditions.push(Prisma.sql`(tm_create, id) < (timestamptz 'epoch' + ${after.createdUs.toString()}::bigint * interval '1 microsecond', ${after.id}::uuid)`);
      }
      const rows = await prisma.$queryRaw<(TransferRow & { tm_create_us: bigint })[]>`
        SELECT *, (extract(epoch FROM tm_create) * 1000000)::bigint AS tm_create_us FROM transfers
        WHERE ${Prisma.join(conditions, ' AND ')} ORDER BY tm_create DESC, id DESC LIMIT ${limit}`;
      return { transfers: rows.map(transferFromRow), cursors: rows.map((row) => ({ createdUs: BigInt(row.tm_create_us), id: row.id as string })) };
    },
  };
}

export type TransferRepository = ReturnType<typeof createTransferRepository>;
