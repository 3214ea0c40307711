import type { Pool, PoolClient } from 'pg';
import { eventFromRow, type EventRecord, type EventRow } from '../events/event-record';
import type { Logger } from '../platform/logger';

export interface OutboxDispatcherOptions {
  pool: Pool;
  schema: string;
  publish: (events: EventRecord[]) => Promise<void>;
  logger: Logger;
  batchSize?: number;
  /** Safety-net poll for a missed NOTIFY (a reconnect, another process's commit). */
  pollMs?: number;
}

export interface OutboxDispatcher {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Publishes committed outbox rows in id order, at least once: rows are marked published in the
 * same transaction that read them, after the publish succeeded. One dispatcher at a time holds the
 * advisory lock, so events of one resource never overtake each other across processes.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { pool, schema, publish, logger } = options;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 500;
  const channel = `outbox:${schema}`;
  let listener: PoolClient | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let pending = false;
  let draining: Promise<void> = Promise.resolve();

  async function dispatchBatch(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [channel]);
      if (!locked.rows[0]?.locked) {
        await client.query('ROLLBACK');
        return 0;
      }
      const rows = await client.query<EventRow>(
        'SELECT * FROM events WHERE published_at IS NULL ORDER BY id LIMIT $1',
        [batchSize],
      );
      if (rows.rows.length > 0) {
        await publish(rows.rows.map(eventFromRow));
        await client.query('UPDATE events SET published_at = now() WHERE id = ANY($1::bigint[])', [
          rows.rows.map((row) => row.id.toString()),
        ]);
      }
      await client.query('COMMIT');
      return rows.rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Coalesces wake-ups: at most one drain runs, and one more follows if woken meanwhile. */
  function wake(): void {
    if (!running) return;
    if (pending) return;
    pending = true;
    draining = draining.then(async () => {
      pending = false;
      try {
        while (running && (await dispatchBatch()) === batchSize);
      } catch (error) {
        logger.error({ err: error }, 'outbox dispatch failed; retrying on the next wake-up');
      }
    });
  }

  return {
    async start() {
      running = true;
      listener = await pool.connect();
      listener.on('notification', wake);
      await listener.query(`LISTEN "${channel}"`);
      timer = setInterval(wake, pollMs);
      wake();
    },
    async stop() {
      running = false;
      if (timer) clearInterval(timer);
      if (listener) {
        listener.removeAllListeners('notification');
        await listener.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        listener.release();
        listener = null;
      }
      await draining;
    },
  };
}
