import type { Logger } from './logger';
import type { Redis } from './redis';
import { reasonOf } from './startup-error';

interface Outage {
  since: number;
  /** The connections (or probes) that are down; the outage ends when none is. */
  down: Set<string>;
}

/**
 * Logs an outage of a shared dependency once when it starts and once when it ends, however many
 * connections notice it and however often they retry meanwhile.
 */
export function createOutageLog(logger: Logger, now: () => number = Date.now) {
  const outages = new Map<string, Outage>();
  let closed = false;

  function down(dependency: string, source: string, detail: string, error?: unknown): void {
    if (closed) return;
    const outage = outages.get(dependency);
    if (outage) {
      outage.down.add(source);
      return;
    }
    outages.set(dependency, { since: now(), down: new Set([source]) });
    logger.warn({ dependency, reason: error === undefined ? undefined : reasonOf(error) }, `${dependency} unreachable (${detail}); retrying until it is back`);
  }

  function up(dependency: string, source: string): void {
    const outage = outages.get(dependency);
    if (!outage || closed) return;
    outage.down.delete(source);
    if (outage.down.size > 0) return;
    outages.delete(dependency);
    const seconds = ((now() - outage.since) / 1000).toFixed(1);
    logger.info({ dependency, outageSeconds: Number(seconds) }, `${dependency} reachable again after ${seconds} s`);
  }

  return {
    down,
    up,
    /** Watches one Redis connection: its errors are the outage's, not lines of their own. */
    watchRedis(redis: Redis, name: string, detail: string): void {
      redis.on('error', (error: unknown) => down('Redis', name, detail, error));
      redis.on('close', () => down('Redis', name, detail));
      redis.on('ready', () => up('Redis', name));
    },
    /** Connections closing at shutdown are no outage. */
    close(): void {
      closed = true;
    },
  };
}

export type OutageLog = ReturnType<typeof createOutageLog>;

/** Postgres has no connection of its own to watch: a probe on the pool tells when it is gone and back. */
export function watchPostgres(outages: OutageLog, pool: { query(sql: string): Promise<unknown> }, detail: string, everyMs: number): () => void {
  let probing = false;
  const timer = setInterval(() => {
    if (probing) return;
    probing = true;
    pool
      .query('SELECT 1')
      .then(
        () => outages.up('Postgres', 'probe'),
        (error: unknown) => outages.down('Postgres', 'probe', detail, error),
      )
      .finally(() => (probing = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
