import type { Pool, PoolClient } from 'pg';
import { ASKABLE_NAMES } from '../domain/events/event-types';
import { eventFromRow, type EventRecord, type EventRow } from '../events/event-record';
import type { Logger } from '../platform/logger';
import { repeatedFailure } from '../platform/repeated-failure';


const ASKABLE_JSON = JSON.stringify(ASKABLE_NAMES);

/**
 * The next batch of unpublished events in id order, each with a stream position reserved for it
 * in that order (nextval, no write): the publish carries it and the mark stores it, so giving out
 * positions costs no extra row update. A batch re-run after a crash between the two gets new
 * positions; the stored one is the one replays use.
 */
const NEXT_BATCH = `
  SELECT batch.*, nextval('events_position_seq')::text AS position
  FROM (SELECT * FROM events WHERE published_at IS NULL ORDER BY id LIMIT $1) batch ORDER BY batch.id`;

export interface OutboxDispatcherOptions {
  pool: Pool;
  schema: string;
  publish: (events: EventRecord[]) => Promise<void>;
  /**
   * Enqueues the reactions to the batch (idempotent jobs); like the publish, it must succeed
   * before the batch is marked, so a crash in between only makes it enqueue them again.
   */
  react?: (events: EventRecord[]) => Promise<void>;
  /** Told the webhook lanes that got new deliveries (after their commit); a loss is swept up later. */
  wakeLanes?: (lanes: NewDeliveryLane[]) => Promise<void>;
  logger: Logger;
  /** Told every batch once it is published (metrics). */
  onPublished?: (events: readonly EventRecord[]) => void;
  batchSize?: number;
  /** Safety-net poll for a missed wake-up (a reconnect, a lost pub/sub message). */
  pollMs?: number;
}

/** A (webhook, resource) lane with new deliveries; `firstEventId` makes its wake-up's id. */
export interface NewDeliveryLane {
  webhookId: string;
  resourceId: string;
  firstEventId: string;
}

/**
 * Marks events published and, in the same statement, writes one delivery per (event, matching
 * active webhook): a delivery exists exactly when its event is published, and a re-run of a batch
 * inserts nothing twice (unique on webhook and event). A webhook gets the event under the first
 * name it asked for that covers it ($2: the askable names of domain/events/event-types.ts).
 */
const MARK_AND_FAN_OUT = `
  WITH marked AS (
    UPDATE events SET published_at = now(), position = reserved.position
    FROM unnest($1::bigint[], $3::bigint[]) AS reserved(id, position)
    WHERE events.id = reserved.id AND events.published_at IS NULL
    RETURNING events.id, customer_id, type, resource_type, resource_id, sequence, payload->>'status' AS status),
  names AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS n(name text, event text, status text)),
  fanned AS (
    INSERT INTO webhook_deliveries (id, webhook_id, customer_id, event_id, event_type, resource_type, resource_id, sequence)
    SELECT gen_random_uuid(), w.id, e.customer_id, e.id, COALESCE(asked.name, e.type), e.resource_type, e.resource_id, e.sequence
    FROM marked e JOIN webhooks w ON w.customer_id = e.customer_id AND w.status = 'active' AND w.tm_delete IS NULL
    LEFT JOIN LATERAL (
      SELECT n.name FROM unnest(w.events) WITH ORDINALITY AS wanted(name, ord) JOIN names n ON n.name = wanted.name
      WHERE n.event = e.type AND (n.status IS NULL OR n.status = e.status)
      ORDER BY wanted.ord LIMIT 1) asked ON true
    WHERE cardinality(w.events) = 0 OR asked.name IS NOT NULL
    ON CONFLICT (webhook_id, event_id) DO NOTHING
    RETURNING webhook_id, resource_id, event_id)
  SELECT webhook_id, resource_id, min(event_id)::text AS first_event_id FROM fanned GROUP BY webhook_id, resource_id`;

export interface OutboxDispatcher {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Events were committed: dispatch now (coalesced with a drain already under way). */
  wake(): void;
  /** Whether this dispatcher holds the lock (the others only poll for it). */
  isLeader(): boolean;
}

/**
 * Publishes committed outbox rows in id order, at least once: a row is marked published only
 * after its publish succeeded. One dispatcher at a time is the leader (it holds a session-level
 * advisory lock on its own connection), so events of one resource never overtake each other
 * across processes; the others keep trying for the lock and take over when the leader is gone.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { pool, schema, publish, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 500;
  const channel = `outbox:${schema}`;
  let connection: PoolClient | null = null;
  let leader = false;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let pending = false;
  let draining: Promise<void> = Promise.resolve();
  const unreachable = repeatedFailure(logger, 'cannot reach Postgres for the outbox');
  const dispatchFailure = repeatedFailure(logger, 'outbox dispatch failed; retrying on the next wake-up');

  async function becomeLeader(client: PoolClient): Promise<boolean> {
    if (!leader) {
      const result = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [channel]);
      leader = result.rows[0]?.locked === true;
      if (leader) logger.info('this process now dispatches the outbox');
    }
    return leader;
  }

  async function dispatchBatch(client: PoolClient): Promise<number> {
    const events = (await client.query<EventRow>(NEXT_BATCH, [batchSize])).rows.map(eventFromRow);
    if (events.length === 0) return 0;
    const ids = events.map((event) => event.id);
    await publish(events);
    options.onPublished?.(events);
    if (options.react) await options.react(events);
    const lanes = await client.query<{ webhook_id: string; resource_id: string; first_event_id: string }>(MARK_AND_FAN_OUT, [ids, ASKABLE_JSON, events.map((event) => event.position)]);
    if (lanes.rows.length && options.wakeLanes) {
      const wakeUps = lanes.rows.map((row) => ({ webhookId: row.webhook_id, resourceId: row.resource_id, firstEventId: row.first_event_id }));
      await options.wakeLanes(wakeUps).catch((error: unknown) => logger.warn({ err: error }, 'could not wake webhook lanes; the sweep will'));
    }
    return events.length;
  }

  /** Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile. */
  function wake(): void {
    if (!running || pending) return;
    pending = true;
    draining = draining.then(async () => {
      pending = false;
      const client = connection;
      if (!client || !running) return;
      try {
        if (!(await becomeLeader(client))) return;
        while (running && (await dispatchBatch(client)) === batchSize);
        dispatchFailure.succeeded();
      } catch (error) {
        dispatchFailure.failed(error);
      }
    });
  }

  /**
   * A dedicated connection: when leader, it holds the lock for its whole life. It also LISTENs,
   * for writers outside the product's processes (a script committing events with a pg_notify):
   * the product's own commits wake the dispatcher through src/events/outbox-wake.ts.
   */
  async function connect(): Promise<void> {
    const client = await pool.connect();
    client.on('notification', wake);
    client.on('error', (error) => {
      logger.error({ err: error }, 'outbox connection lost; reconnecting');
      client.removeAllListeners('notification');
      client.release(error);
      if (connection === client) connection = null;
      leader = false;
    });
    await client.query(`LISTEN "${channel}"`);
    connection = client;
  }

  async function tick(): Promise<void> {
    if (!connection) await connect().then(unreachable.succeeded, unreachable.failed);
    wake();
  }

  return {
    wake,
    isLeader: () => leader,
    async start() {
      running = true;
      await connect();
      timer = setInterval(() => void tick(), pollMs);
      wake();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      await draining;
      if (connection) {
        connection.removeAllListeners('notification');
        await connection.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        if (leader) await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [channel]).catch(() => undefined);
        leader = false;
        connection.release();
        connection = null;
      }
    },
  };
}
