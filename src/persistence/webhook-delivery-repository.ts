import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from './database';

/** A delivery its sender now holds (under a lease), with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  customerId: string;
  eventType: string;
  resourceType: string;
  resourceId: string;
  sequence: number;
  /** This attempt's number (1 for the first). */
  attempts: number;
  body: string | null;
  url: string;
  /** The HTTP method (a customer's webhook_method; POST for /v1.0/webhooks endpoints). */
  method: string;
  secret: string;
  webhookLive: boolean;
  payload: Record<string, unknown>;
}

/** Why nothing was claimed: the lane is empty, its head is held by a sender, or due later. */
export type Claim =
  | { kind: 'claimed'; delivery: ClaimedDelivery }
  | { kind: 'empty' }
  | { kind: 'busy' }
  | { kind: 'later'; dueInMs: number; headId: string; attempts: number };

export interface Lane {
  webhookId: string;
  resourceId: string;
}

export interface DeliveryResult {
  status: 'delivered' | 'failed' | 'pending' | 'canceled';
  httpCode: number | null;
  error: string;
  body: string | null;
  retryInMs: number;
}

interface ClaimRow {
  id: string;
  webhook_id: string;
  customer_id: string;
  event_type: string;
  resource_type: string;
  resource_id: string;
  sequence: number;
  attempts: number;
  body: string | null;
  url: string;
  method: string;
  secret: string;
  webhook_live: boolean;
  payload: Record<string, unknown>;
}

const toDelivery = (row: ClaimRow): ClaimedDelivery => ({
  id: row.id,
  webhookId: row.webhook_id,
  customerId: row.customer_id,
  eventType: row.event_type,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  sequence: Number(row.sequence),
  attempts: Number(row.attempts),
  body: row.body,
  url: row.url,
  method: row.method,
  secret: row.secret,
  webhookLive: row.webhook_live,
  payload: row.payload,
});

/** Records an attempt's end; only the holder of that attempt may (a stale sender changes nothing). */
const finishSql = (id: string, attempt: number, result: DeliveryResult) => Prisma.sql`
  UPDATE webhook_deliveries
  SET status = ${result.status}, http_code = ${result.httpCode}::int, error = ${result.error}, body = COALESCE(body, ${result.body}),
    lease_until = NULL, next_attempt_at = now() + ${result.retryInMs}::int * interval '1 millisecond'
  WHERE id = ${id}::uuid AND attempts = ${attempt}::int AND status = 'pending'`;

interface Finish {
  id: string;
  attempt: number;
  result: DeliveryResult;
}

/**
 * Leases the lane's head if it is due and free. `after`: an attempt this very statement records
 * first; its row is left out (the statement still sees it pending), and nothing is claimed unless
 * that record took place, so a stale sender never moves a lane on.
 */
const claimSql = (lane: Lane, leaseMs: number, after: Finish | null) => Prisma.sql`
  WITH ${after ? Prisma.sql`finished AS (${finishSql(after.id, after.attempt, after.result)} RETURNING id),` : Prisma.empty}
  head AS (
    SELECT id FROM webhook_deliveries
    WHERE webhook_id = ${lane.webhookId}::uuid AND resource_id = ${lane.resourceId}::uuid AND status = 'pending'
      ${after ? Prisma.sql`AND id <> ${after.id}::uuid` : Prisma.empty}
    ORDER BY sequence, event_id LIMIT 1 FOR UPDATE)
  UPDATE webhook_deliveries d
  SET lease_until = now() + ${leaseMs}::int * interval '1 millisecond', attempts = d.attempts + 1, tm_last_attempt = now()
  FROM head, webhooks w, events e ${after ? Prisma.sql`, finished` : Prisma.empty}
  WHERE d.id = head.id AND w.id = d.webhook_id AND e.id = d.event_id
    AND (d.lease_until IS NULL OR d.lease_until < now()) AND d.next_attempt_at <= now()
  RETURNING d.id, d.webhook_id, d.customer_id, d.event_type, d.resource_type, d.resource_id, d.sequence, d.attempts, d.body,
    w.url, w.method, w.secret, (w.status = 'active' AND w.tm_delete IS NULL) AS webhook_live, e.payload`;

/**
 * The delivery rows' moves. A lane (webhook, resource) sends only its head, the pending delivery
 * with the lowest sequence, so a later event never overtakes an earlier one; claiming the head is
 * one conditional update, so two senders of one lane never send at the same time.
 */
export function createWebhookDeliveryRepository(prisma: PrismaClient) {
  async function laneState(lane: Lane): Promise<Claim> {
    const heads = await prisma.$queryRaw<{ id: string; attempts: number; busy: boolean; due_in_ms: number }[]>`
      SELECT id, attempts, (lease_until IS NOT NULL AND lease_until >= now()) AS busy,
        GREATEST(0, ceil(EXTRACT(EPOCH FROM next_attempt_at - now()) * 1000))::int AS due_in_ms
      FROM webhook_deliveries
      WHERE webhook_id = ${lane.webhookId}::uuid AND resource_id = ${lane.resourceId}::uuid AND status = 'pending'
      ORDER BY sequence, event_id LIMIT 1`;
    const head = heads[0];
    if (!head) return { kind: 'empty' };
    if (head.busy) return { kind: 'busy' };
    return { kind: 'later', dueInMs: Number(head.due_in_ms), headId: head.id, attempts: Number(head.attempts) };
  }

  return {
    async claimHead(lane: Lane, leaseMs: number): Promise<Claim> {
      const [row] = await prisma.$queryRaw<ClaimRow[]>(claimSql(lane, leaseMs, null));
      return row ? { kind: 'claimed', delivery: toDelivery(row) } : laneState(lane);
    },

    /** Records an attempt's end (true when this sender still held it). */
    async finish(id: string, attempt: number, result: DeliveryResult): Promise<boolean> {
      return (await prisma.$executeRaw(finishSql(id, attempt, result))) === 1;
    },

    /**
     * Records a delivered, failed or canceled head and claims the next one in the same statement:
     * one round trip fewer per delivery. When nothing was claimed there, the lane is looked at
     * as by claimHead (it may be empty, busy, due later — or the record was stale).
     */
    async finishAndClaimNext(lane: Lane, finish: Finish, leaseMs: number): Promise<Claim> {
      const [row] = await prisma.$queryRaw<ClaimRow[]>(claimSql(lane, leaseMs, finish));
      if (row) return { kind: 'claimed', delivery: toDelivery(row) };
      return this.claimHead(lane, leaseMs);
    },

    /** Lanes whose head could be sent now but nobody is sending (a lost wake-up or a crashed sender). */
    async stalledLanes(graceMs: number, limit = 1000): Promise<(Lane & { headId: string; attempts: number })[]> {
      const rows = await prisma.$queryRaw<{ webhook_id: string; resource_id: string; id: string; attempts: number }[]>`
        SELECT * FROM (
          SELECT DISTINCT ON (webhook_id, resource_id) webhook_id, resource_id, id, attempts, lease_until, next_attempt_at
          FROM webhook_deliveries WHERE status = 'pending'
          ORDER BY webhook_id, resource_id, sequence, event_id) heads
        WHERE (lease_until IS NULL OR lease_until < now()) AND next_attempt_at <= now() - ${graceMs}::int * interval '1 millisecond'
        LIMIT ${limit}::int`;
      return rows.map((row) => ({ webhookId: row.webhook_id, resourceId: row.resource_id, headId: row.id, attempts: Number(row.attempts) }));
    },
  };
}

export type WebhookDeliveryRepository = ReturnType<typeof createWebhookDeliveryRepository>;
