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
 * positions; the stored one is the one replays use. `exclude` (SQL for a bigint[]): the events
 * the same statement marks, which its snapshot still sees unpublished; `limit`: the batch size.
 */
const NEXT_BATCH_OF = (exclude: string, limit: string) => `
  SELECT batch.*, nextval('events_position_seq')::text AS position
  FROM (SELECT * FROM events WHERE published_at IS NULL AND id <> ALL(${exclude}) ORDER BY id LIMIT ${limit}) batch ORDER BY batch.id`;
const FIRST_BATCH = NEXT_BATCH_OF("'{}'::bigint[]", '$1');

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
 * Marks a published batch and, in the same statement, writes one delivery per (event, matching
 * active webhook) and reads the next batch: a delivery exists exactly when its event is published,
 * a re-run of a batch inserts nothing twice (unique on webhook and event), and a drain of n
 * batches costs n + 1 statements instead of 2n. A webhook gets the event under the first name it
 * asked for that covers it ($2: the askable names of domain/events/event-types.ts). One row per
 * event of the next batch ($4 at most; 0 reads none), each carrying the lanes that got new
 * deliveries; a single row with no event when the next batch is empty.
 */
const MARK_AND_READ_NEXT = `
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
    RETURNING webhook_id, resource_id, event_id),
  lanes AS (
    SELECT json_agg(json_build_object('webhookId', webhook_id, 'resourceId', resource_id, 'firstEventId', first_event_id)) AS lanes
    FROM (SELECT webhook_id, resource_id, min(event_id)::text AS first_event_id FROM fanned GROUP BY webhook_id, resource_id) lane)
  SELECT lanes.lanes, next.* FROM lanes LEFT JOIN LATERAL (${NEXT_BATCH_OF('$1::bigint[]', '$4')}) next ON true ORDER BY next.id`;

type NextBatchRow = Omit<EventRow, 'id'> & { id: EventRow['id'] | null; lanes: NewDeliveryLane[] | null };

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
  const forgetListeners = new Map<PoolClient, () => void>();
  let leader = false;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let pending = false;
  /** Wake-ups so far, and how many there had been when the last read of the outbox began. */
  let wakeUps = 0;
  let lastReadAt = -1;
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

  /**
   * Drains the outbox: publishes each batch, then marks it with the statement that reads the
   * next, until a read finds none. While stopping, the last batch is marked without reading on.
   */
  async function drain(client: PoolClient): Promise<void> {
    lastReadAt = wakeUps;
    let events = (await client.query<EventRow>({ name: 'outbox_first_batch', text: FIRST_BATCH, values: [batchSize] })).rows.map(eventFromRow);
    while (events.length > 0) {
      await publish(events);
      options.onPublished?.(events);
      if (options.react) await options.react(events);
      const limit = running ? batchSize : 0;
      if (limit > 0) lastReadAt = wakeUps;
      const ids = events.map((event) => event.id);
      const positions = events.map((event) => event.position);
      const { rows } = await client.query<NextBatchRow>({ name: 'outbox_mark_and_read_next', text: MARK_AND_READ_NEXT, values: [ids, ASKABLE_JSON, positions, limit] });
      const lanes = rows[0]?.lanes;
      if (lanes?.length && options.wakeLanes) {
        await options.wakeLanes(lanes).catch((error: unknown) => logger.warn({ err: error }, 'could not wake webhook lanes; the sweep will'));
      }
      events = rows.filter((row): row is NextBatchRow & EventRow => row.id !== null).map(eventFromRow);
    }
  }

  /**
   * Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile, unless
   * that wake-up came before the drain's last read began: a wake-up follows its commit, and a
   * read sees every commit before it, so there can be nothing new to read.
   */
  function wake(): void {
    wakeUps += 1;
    if (!running || pending) return;
    pending = true;
    draining = draining.then(async () => {
      pending = false;
      const client = connection;
      if (!client || !running || lastReadAt === wakeUps) return;
      try {
        if (!(await becomeLeader(client))) return;
        await drain(client);
        dispatchFailure.succeeded();
      } catch (error) {
        lastReadAt = -1; // what was read may not be marked: the next wake-up reads again
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
    const lost = (error: Error) => {
      logger.error({ err: error }, 'outbox connection lost; reconnecting');
      forget(client);
      client.release(error);
      if (connection === client) connection = null;
      leader = false;
    };
    client.on('notification', wake);
    client.on('error', lost);
    forgetListeners.set(client, () => {
      client.off('notification', wake);
      client.off('error', lost);
    });
    await client.query(`LISTEN "${channel}"`);
    connection = client;
  }

  /** A connection handed back to the pool (which may give it to anyone) keeps none of our listeners. */
  function forget(client: PoolClient): void {
    forgetListeners.get(client)?.();
    forgetListeners.delete(client);
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
        // No wake-ups from here on; its error listener stays until it is handed back, as its last queries may fail.
        connection.off('notification', wake);
        await connection.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        if (leader) await connection.query('SELECT pg_advisory_unlock(hashtext($1))', [channel]).catch(() => undefined);
        leader = false;
        forget(connection);
        connection.release();
        connection = null;
      }
    },
  };
}
