import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { captureLogs, WARN, type LogRecord } from './support/log-capture';
import { restCall } from './support/rest-client';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, TEST_DATABASE_URL, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * What the log tells a person: a line per call change, a webhook that gives up at warn, an
 * outage of Redis or Postgres once when it starts and once when it ends, and a start that
 * fails naming the setting and the address.
 */
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const postgresUrl = new URL(TEST_DATABASE_URL);

let t: TestApp;
let logs: ReturnType<typeof captureLogs>;
let redisProxy: TcpProxy;
let receiver: Receiver;
beforeAll(async () => {
  redisProxy = await startTcpProxy(Number(redisUrl.port || 6379), redisUrl.hostname);
  receiver = await startReceiver(() => 500);
  logs = captureLogs();
  t = await startTestApp(
    { REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`, WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_MAX_RETRIES: '1', WEBHOOK_BACKOFF_MS: '10', WEBHOOK_SWEEP_MS: '300' },
    'all',
    logs.logger,
  );
});
afterAll(async () => {
  await redisProxy?.restore();
  await t?.stop();
  await redisProxy?.close();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);
const matching = (records: readonly LogRecord[], pattern: RegExp) => records.filter((record) => pattern.test(record.msg));
const waitForLine = (pattern: RegExp, from = 0) => waitFor(async () => matching(logs.since(from), pattern), (found) => found.length > 0, `a log line ${pattern}`);

async function call(target: string): Promise<string> {
  const answer = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target }] });
  expect(answer.status).toBe(200);
  return answer.body.calls[0].id as string;
}

it('logs one info line per call state change', async () => {
  const id = await call('+15550005001'); // answers, then the far end hangs up
  await waitForLine(new RegExp(`^call ${id} hangup`));
  const lines = matching(logs.records, new RegExp(`^call ${id} `));
  expect(lines.map((record) => record.status)).toEqual(['dialing', 'ringing', 'progressing', 'hangup']);
  expect(lines.every((record) => record.level === 30 && record.callId === id)).toBe(true);
  expect(lines[3]!.msg).toBe(`call ${id} hangup (remote, normal)`);
});

it('logs a webhook delivery that gives up at warn, naming the webhook and why (and counts its attempts)', async () => {
  const created = await rest('POST', '/webhooks', { url: receiver.url('/failing'), events: ['call_created'] });
  expect(created.status).toBe(200);
  const id = await call('+15550001001');
  const [line] = await waitForLine(/^webhook delivery gave up after 2 attempts/);
  expect(line).toMatchObject({ level: WARN, webhookId: created.body.id, event: 'call_created', url: receiver.url('/failing') });
  expect(line!.msg).toContain('500');
  expect(id).toBeTruthy();
  // The same attempts in /metrics: one retried (pending), then given up (failed).
  const metrics = await (await fetch(new URL('/metrics', t.baseUrl))).text();
  expect(metrics).toMatch(/^opencall_webhook_deliveries_total\{outcome="pending"\} [1-9]/m);
  expect(metrics).toMatch(/^opencall_webhook_deliveries_total\{outcome="failed"\} [1-9]/m);
});

it('logs a Redis outage once when it starts and once when it ends, and /readyz says so meanwhile', async () => {
  const from = logs.records.length;
  await redisProxy.cut();
  // Every connection retries many times meanwhile (each retry of a worker's is a debug line): the log still says it once.
  await waitFor(async () => matching(logs.since(from), /Redis connection error$/), (retries) => retries.length >= 20, 'reconnect attempts');
  const readyz = await fetch(new URL('/readyz', t.baseUrl));
  expect(readyz.status).toBe(503);
  expect(((await readyz.json()) as { status: string }).status).toBe('unavailable: redis');
  await redisProxy.restore();
  await waitForLine(/^Redis reachable again/, from);
  const during = logs.since(from);
  expect(matching(during, /^Redis unreachable \(REDIS_URL 127\.0\.0\.1:\d+\)/)).toHaveLength(1);
  expect(matching(during, /^Redis reachable again after/)).toHaveLength(1);
  expect(during.filter((record) => record.level >= WARN && !/^Redis /.test(record.msg))).toEqual([]);
});

describe('a Postgres outage', () => {
  let pg: TcpProxy;
  let other: TestApp;
  const pgLogs = captureLogs();
  beforeAll(async () => {
    pg = await startTcpProxy(Number(postgresUrl.port || 5432), postgresUrl.hostname);
    const url = new URL(TEST_DATABASE_URL);
    url.port = String(pg.port);
    url.hostname = '127.0.0.1';
    other = await startTestApp({ DATABASE_URL: url.toString() }, 'all', pgLogs.logger);
  });
  afterAll(async () => {
    await pg?.restore();
    await other?.stop();
    await pg?.close();
  });

  it('is logged once when it starts and once when it ends', async () => {
    const from = pgLogs.records.length;
    await pg.cut();
    await waitFor(async () => matching(pgLogs.since(from), /^Postgres unreachable/), (found) => found.length > 0, 'the outage line');
    // The outbox keeps trying (a debug line a turn after its first warning) while the outage lasts.
    await waitFor(async () => matching(pgLogs.since(from), /^cannot reach Postgres for the outbox$/), (tries) => tries.length >= 5, 'reconnect attempts');
    await pg.restore();
    await waitFor(async () => matching(pgLogs.since(from), /^Postgres reachable again/), (found) => found.length > 0, 'the recovery line');
    const during = pgLogs.since(from);
    expect(matching(during, /^Postgres unreachable \(DATABASE_URL 127\.0\.0\.1:\d+\)/)).toHaveLength(1);
    expect(matching(during, /^Postgres reachable again after/)).toHaveLength(1);
    // The loops that fail on every turn meanwhile (outbox poll, webhook sweep) say so once each.
    const warnings = during.filter((record) => record.level >= WARN).map((record) => record.msg);
    expect(warnings.length).toBe(new Set(warnings).size);
  });
});

describe('the published default key', () => {
  it('is flagged at warn while it opens the API, and not otherwise', async () => {
    const flagged = captureLogs();
    const withDefault = await startTestApp({ BOOTSTRAP_ACCESS_KEY: 'opencall-dev-key' }, 'all', flagged.logger);
    await withDefault.stop();
    expect(matching(flagged.records, /^the access key "opencall-dev-key" is the published default/).map((record) => record.level)).toEqual([WARN]);
    expect(matching(logs.records, /published default/)).toEqual([]);
  });
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function busyPort(): Promise<{ port: number; close(): Promise<unknown> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('a start that cannot go on names the setting and the address', () => {
  it('DATABASE_URL refused', async () => {
    const port = await closedPort();
    await expect(startTestApp({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/opencall_test` })).rejects.toThrow(new RegExp(`^DATABASE_URL 127\\.0\\.0\\.1:${port} refused$`));
  });

  it('REDIS_URL refused', async () => {
    const port = await closedPort();
    await expect(startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` })).rejects.toThrow(new RegExp(`^REDIS_URL 127\\.0\\.0\\.1:${port} refused$`));
  });

  it('PORT in use', async () => {
    const busy = await busyPort();
    await expect(startTestApp({ PORT: String(busy.port), HOST: '0.0.0.0' })).rejects.toThrow(new RegExp(`^PORT ${busy.port} in use$`));
    await busy.close();
  });

  it('SIM_PORT in use', async () => {
    const busy = await busyPort();
    await expect(startTestApp({ SIM_PORT: String(busy.port), SIM_HOST: '0.0.0.0' })).rejects.toThrow(new RegExp(`^SIM_PORT ${busy.port} in use$`));
    await busy.close();
  });
});
