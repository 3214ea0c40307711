import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { ensureDatabase } from '../src/platform/ensure-database';
import { percentile } from './stats';

/**
 * Webhook deliveries per second through a real worker process: outbox rows committed in batches
 * (as the product writes them, with the NOTIFY) → dispatcher fan-out → BullMQ lane jobs → signed
 * HTTP POSTs to a local receiver that answers 200. Each resource is a lane (its events in order).
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 5000);
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 500);
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 1);
/** A share of first attempts the receiver answers 500 (retried after WEBHOOK_BACKOFF_MS). */
const FAIL_FIRST = Number(process.env.BENCH_FAIL_FIRST ?? 0);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const schema = `bench_${id}`;
  const receiver = await startReceiver();
  await ensureDatabase(DATABASE_URL);
  const env = {
    ...process.env,
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_PREFIX: `bench:${id}`,
    SIM_PORT: String(4100 + Math.floor(Math.random() * 100)),
    BOOTSTRAP_ACCESS_KEY: `bench-${id}`,
    LOG_LEVEL: 'warn',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    WEBHOOK_BACKOFF_MS: process.env.WEBHOOK_BACKOFF_MS ?? '100',
    WORKER_PORT: '0', // any free port: the default (3001) may be taken
  };
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof
  const worker = spawn(process.execPath, [...nodeArgs, path.resolve(__dirname, '../src/main.js'), 'worker'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  process.once('exit', () => worker.kill('SIGKILL'));
  const pg = new PgClient({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  await pg.connect();
  try {
    const customerId = await waitForCustomer(pg);
    for (let index = 0; index < WEBHOOKS; index++) {
      await pg.query(`INSERT INTO webhooks (id, customer_id, url, secret) VALUES ($1, $2, $3, 'bench-secret-0123456789')`, [randomUUID(), customerId, `${receiver.url}/${index}`]);
    }
    const resources = Array.from({ length: RESOURCES }, () => randomUUID());
    const perResource = Math.ceil(EVENTS / RESOURCES);
    const started = performance.now();
    // Interleaved like live traffic: sequence 1 of every resource, then sequence 2 …, one commit per 100 events.
    for (let sequence = 1; sequence <= perResource; sequence++) {
      for (let offset = 0; offset < RESOURCES; offset += 100) {
        const batch = resources.slice(offset, offset + 100);
        // One statement: the rows and the NOTIFY that wakes the dispatcher commit together.
        await pg.query(
          `WITH inserted AS (
             INSERT INTO events (customer_id, resource_type, resource_id, type, sequence, payload)
             SELECT $1, 'bench', r, 'call_updated', $2, jsonb_build_object('id', r, 'sent_at', $3::float8) FROM unnest($4::uuid[]) r RETURNING id)
           SELECT count(*), pg_notify('outbox:' || current_schema(), '') FROM inserted`,
          [customerId, sequence, performance.timeOrigin + performance.now(), batch],
        );
      }
    }
    const total = perResource * RESOURCES * WEBHOOKS;
    await receiver.waitFor(total);
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({
      events: perResource * RESOURCES, resources: RESOURCES, webhooks: WEBHOOKS, failFirst: FAIL_FIRST,
      deliveries: total, seconds: round(seconds), deliveriesPerSecond: round(total / seconds),
      commitToReceiverMs: { p50: round(percentile(receiver.latencies, 50)), p99: round(percentile(receiver.latencies, 99)) },
      outOfOrder: receiver.outOfOrder(), duplicates: receiver.duplicates(),
    }, null, 2));
  } finally {
    worker.kill('SIGTERM');
    await new Promise((resolve) => worker.once('exit', resolve));
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
    receiver.close();
  }
}

async function waitForCustomer(pg: PgClient): Promise<string> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const rows = await pg.query<{ id: string }>('SELECT id FROM customers LIMIT 1').catch(() => ({ rows: [] as { id: string }[] }));
    if (rows.rows[0]) return rows.rows[0].id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the worker did not start');
}

/** Counts distinct deliveries (by delivery id), their latency from commit, and order per (webhook, resource). */
async function startReceiver() {
  const seen = new Set<string>();
  const latencies: number[] = [];
  const last = new Map<string, number>();
  let outOfOrder = 0;
  let duplicates = 0;
  let onProgress = () => undefined as void;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const deliveryId = String(req.headers['x-voipbin-delivery-id']);
      if (!seen.has(deliveryId) && FAIL_FIRST > 0 && Number.parseInt(deliveryId.slice(0, 4), 16) / 0x10000 < FAIL_FIRST && !failedOnce.has(deliveryId)) {
        failedOnce.add(deliveryId);
        res.writeHead(500).end();
        return;
      }
      res.writeHead(200).end();
      if (seen.has(deliveryId)) {
        duplicates++;
        return;
      }
      seen.add(deliveryId);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data: { id: string; sent_at: number } };
      latencies.push(performance.timeOrigin + performance.now() - body.data.sent_at);
      const lane = `${req.url}:${body.data.id}`;
      const sentAt = body.data.sent_at;
      if ((last.get(lane) ?? 0) > sentAt) outOfOrder++;
      last.set(lane, sentAt);
      onProgress();
    });
  });
  const failedOnce = new Set<string>();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    latencies,
    outOfOrder: () => outOfOrder,
    duplicates: () => duplicates,
    waitFor: (count: number) =>
      new Promise<void>((resolve) => {
        onProgress = () => {
          if (seen.size >= count) resolve();
        };
        onProgress();
      }),
    close: () => server.close(),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
