import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { MetricSources } from '../platform/metrics';
import type { Redis } from '../platform/redis';
import { createWebhookQueue } from './webhooks/webhook-queue';

const STATES = ['wait', 'active', 'delayed', 'failed'] as const;

/** Scrape-time counts: calls by status from Postgres, the depth of every queue from Redis. */
export function createMetricSources(pool: Pool, redis: Redis, prefix: string, queues: readonly Queue[]): MetricSources & { close(): Promise<void> } {
  const webhookQueue = createWebhookQueue(redis, prefix);
  const all = [...queues, webhookQueue];
  return {
    async callsByStatus() {
      const result = await pool.query<{ status: string; count: number }>('SELECT status, count(*)::int AS count FROM calls WHERE tm_delete IS NULL GROUP BY status');
      return Object.fromEntries(result.rows.map((row) => [row.status, row.count]));
    },
    async queueDepths() {
      const counts = await Promise.all(all.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...STATES) })));
      return counts.flatMap(({ queue, counts: byState }) => STATES.map((state) => ({ queue, state, count: byState[state] ?? 0 })));
    },
    close: () => webhookQueue.close(),
  };
}
