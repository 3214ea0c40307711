import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Sources read at scrape time: counts that live in Postgres and Redis, not in this process. */
export interface MetricSources {
  callsByStatus(): Promise<Record<string, number>>;
  queueDepths(): Promise<{ queue: string; state: string; count: number }[]>;
}

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SETUP_SECONDS = [0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 30, 60];

/**
 * One registry per running app (tests start several in one process). Counters and histograms are
 * this process's; the gauges of calls and queues are read from the shared stores when scraped.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'opencall_' }); // opencall_process_cpu_seconds_total, opencall_nodejs_heap_size_used_bytes, …
  let sources: MetricSources | null = null;
  const metrics = {
    registry,
    httpDuration: new Histogram({ name: 'opencall_http_request_duration_seconds', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'], buckets: SECONDS, registers: [registry] }),
    graphqlDuration: new Histogram({ name: 'opencall_graphql_request_duration_seconds', help: 'GraphQL operations by type and outcome', labelNames: ['operation', 'outcome'], buckets: SECONDS, registers: [registry] }),
    eventsDispatched: new Counter({ name: 'opencall_events_dispatched_total', help: 'Outbox events published, by type', labelNames: ['type'], registers: [registry] }),
    outboxLag: new Histogram({ name: 'opencall_outbox_lag_seconds', help: 'From an event’s commit to its publication', buckets: SECONDS, registers: [registry] }),
    callSetup: new Histogram({ name: 'opencall_call_setup_seconds', help: 'From a call’s creation to its answer', buckets: SETUP_SECONDS, registers: [registry] }),
    webhookDeliveries: new Counter({ name: 'opencall_webhook_deliveries_total', help: 'Webhook attempts by outcome (delivered, pending = will retry, failed = gave up, canceled)', labelNames: ['outcome'], registers: [registry] }),
    ariReconnects: new Counter({ name: 'opencall_ari_reconnects_total', help: 'Times the ARI event stream was connected again after the first', registers: [registry] }),
    /** Scrape-time sources; until set (a worker-only process has no API), those gauges stay empty. */
    setSources(next: MetricSources): void {
      sources = next;
    },
  };
  new Gauge({
    name: 'opencall_calls',
    help: 'Calls by status (deleted ones left out)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      this.reset();
      for (const [status, count] of Object.entries(await sources.callsByStatus())) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'opencall_queue_jobs',
    help: 'Jobs in each BullMQ queue, by state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      if (!sources) return;
      this.reset();
      for (const { queue, state, count } of await sources.queueDepths()) this.set({ queue, state }, count);
    },
  });
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
