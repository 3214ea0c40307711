import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { connect } from 'ari-client';
import { createClient } from 'graphql-ws';
import Redis from 'ioredis';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config';
import { startProcess } from './processes';
import { percentile, runPool } from './stats';

/**
 * Full outbound call lifecycles through the whole stack (GraphQL mutation → BullMQ → ARI →
 * simulator → ARI events → Postgres → outbox → Redis → graphql-ws subscriber), against the bare
 * ari-client rate on the same media server as the ceiling, with the cost of a call in figures
 * that do not depend on the machine (CPU ms, Postgres transactions and statements, Redis
 * commands, BullMQ jobs, each per call).
 */
const TOTAL = Number(process.env.BENCH_CALLS ?? 500);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '20,50').split(',').map(Number);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';
/** A real Asterisk instead of the simulator: its ARI URL, credentials and the tel endpoint template. */
const ARI = process.env.BENCH_ARI_URL
  ? {
      url: process.env.BENCH_ARI_URL,
      username: process.env.BENCH_ARI_USERNAME ?? 'opencall',
      password: process.env.BENCH_ARI_PASSWORD ?? 'opencall',
      endpoint: process.env.BENCH_ARI_ENDPOINT ?? 'PJSIP/{target}@carrier',
    }
  : null;
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Waiter {
  answered: (receivedAt: number) => void;
  hungup: () => void;
}

async function main(): Promise<void> {
  const results = [];
  for (const concurrency of CONCURRENCIES) {
    const result = await runOnce(concurrency);
    console.log(JSON.stringify(result, null, 2));
    results.push(result);
  }
  if (results.length > 1) {
    console.log('\nconcurrency | calls/s | bare /s | ratio | event→subscriber p99 | tx/call | statements/call | jobs/call | redis cmds/call | CPU ms/call api / worker');
    for (const r of results) {
      console.log(`${r.concurrency} | ${r.callsPerSecond} | ${r.bareAriCyclesPerSecond} | ${r.ratio} | ${r.ariEventToSubscriberMs.p99} ms | ${r.perCall.postgresTransactions} | ${r.perCall.postgresStatements.total} | ${r.perCall.bullmqJobs.total} | ${r.perCall.redisCommands.total} | ${r.perCall.cpuMs.api} / ${r.perCall.cpuMs.worker}`);
    }
  }
}

/**
 * One run on a fresh database (so pg_stat_database counts this run alone) and, unless
 * BENCH_REDIS_URL names one, a Redis server of its own (so INFO commandstats does): the product as
 * it is deployed, one API process and one worker process, with the simulator as a third.
 */
async function runOnce(concurrency: number) {
  const id = randomBytes(4).toString('hex');
  const schema = `bench_${id}`;
  const token = `bench-${id}`;
  // Ports the OS finds free: benches of other checkouts may run on the machine at the same time.
  const [apiPort, simPort, counterApi, counterWorker, counterHttp, redisPort] = await freePorts(6);
  const database = new URL(DATABASE_URL);
  const databaseName = `${database.pathname.slice(1) || 'opencall_bench'}_${id}`;
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const pgAdmin = new PgClient({ connectionString: admin.toString() });
  await pgAdmin.connect();
  const counterPorts = { api: counterApi, worker: counterWorker, http: counterHttp };
  const counter = await startProcess('pg-counter.js', { ...process.env, PG_COUNTER_TARGET: `${database.hostname}:${database.port || 5432}`, PG_COUNTER_PORTS: `api=${counterPorts.api},worker=${counterPorts.worker}`, PG_COUNTER_HTTP: String(counterPorts.http) }, `http://127.0.0.1:${counterPorts.http}/`);
  const viaCounter = (port: number) => {
    const url = new URL(DATABASE_URL);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    url.pathname = `/${databaseName}`;
    return url.toString();
  };
  const redisServer = process.env.BENCH_REDIS_URL ? null : await startRedis(redisPort);
  const redisUrl = process.env.BENCH_REDIS_URL ?? `redis://127.0.0.1:${redisPort}`;
  const redis = new Redis(redisUrl);
  redis.on('error', () => undefined); // the server of the run stops before the bench ends
  const env = {
    ...process.env,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench:${id}`,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    SIM_PORT: String(simPort),
    SIM_RING_MS: '5',
    SIM_ANSWER_MS: '5',
    BOOTSTRAP_ACCESS_KEY: token,
    LOG_LEVEL: 'warn',
  };
  const ariUrl = ARI?.url ?? `http://127.0.0.1:${simPort}`;
  const ariEnv = ARI ? { ARI_USERNAME: ARI.username, ARI_PASSWORD: ARI.password, ARI_ENDPOINT_TEL: ARI.endpoint, ARI_APP: `opencall-bench-${id}` } : {};
  // The simulator stands where Asterisk would: a process of its own that the worker reaches over ARI.
  const simulator = ARI ? null : await startProcess('../src/telephony/simulator/main.js', env, `http://127.0.0.1:${simPort}/ari/asterisk/ping`);
  // WORKER_PORT=0: the worker's operations port is any free one (its default, 3001, may be taken).
  const worker = await startProcess('worker', { ...env, ...ariEnv, ARI_URL: ariUrl, DATABASE_URL: viaCounter(counterPorts.worker), WORKER_PORT: '0' }, null);
  const api = await startProcess('api', { ...env, ...ariEnv, DATABASE_URL: viaCounter(counterPorts.api) }, `http://127.0.0.1:${apiPort}/health`);
  const startedAt = performance.now();
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  try {
    const config = loadConfig(env);
    const credentials = ARI ?? { username: config.ari.username, password: config.ari.password, endpoint: 'PJSIP/{target}@carrier' };
    const baseline = await bareAriRate(ariUrl, credentials, concurrency);
    // Outgoing tel calls must come from one of the customer's own numbers.
    await gql(baseUrl, token, REGISTER_SOURCE, { input: { number: SOURCE_NUMBER } });
    // A backend reports its counts to pg_stat_database at most every second, and an idle one
    // within 10 s: waiting that long after start keeps the start's transactions out of the run's.
    await sleep(Math.max(0, 11_000 - (performance.now() - startedAt)));
    const processes = { api, worker, ...(simulator ? { simulator } : {}), ...(redisServer ? { redis: redisServer } : {}) };
    const before = { cpu: cpuOf(processes), postgresCpu: await postgresCpu(pgAdmin, databaseName), xacts: await transactions(pgAdmin, databaseName), statements: await statementsOf(counterPorts.http), redis: await commandStats(redis), jobs: await jobAdds(redis) };
    const benchOwnRedisCommands = 1 + before.jobs.commands; // the INFO and the counter reads above
    const observer = ARI ? await answerObserver(ARI) : null;
    const product = await productRun(baseUrl, ariUrl, token, concurrency, observer);
    const after = { cpu: cpuOf(processes), postgresCpu: await postgresCpu(pgAdmin, databaseName, before.postgresCpu.pids), statements: await statementsOf(counterPorts.http), redis: await commandStats(redis), jobs: await jobAdds(redis) };
    observer?.close();
    const peakRssMb = { api: api.peakRssMb(), worker: worker.peakRssMb(), ...(simulator ? { simulator: simulator.peakRssMb() } : {}) };
    await Promise.all([api.stop(), worker.stop()]); // a backend that ends reports its counts
    await sleep(500);
    const xacts = (await transactions(pgAdmin, databaseName)) - before.xacts;
    const perCall = (value: number) => round(value / TOTAL, 2);
    const cpuMs: Record<string, number> = Object.fromEntries(Object.entries(after.cpu).map(([name, ms]) => [name, perCall(ms - before.cpu[name]!)]));
    const redisCalls = diff(after.redis, before.redis);
    const jobs = diff(after.jobs.adds, before.jobs.adds);
    const { rate, ...figures } = product;
    if (process.env.BENCH_PG_MESSAGES) console.log(JSON.stringify({ before: before.statements, after: after.statements }));
    return {
      concurrency,
      calls: TOTAL,
      mediaServer: ARI ? ARI.url : 'simulator',
      ...figures,
      peakRssMb,
      bareAriCyclesPerSecond: round(baseline),
      ratio: round(rate / baseline, 3),
      perCall: {
        cpuMs: { ...cpuMs, postgres: perCall(after.postgresCpu.ms - before.postgresCpu.ms) } as Record<string, number>,
        postgresTransactions: perCall(xacts),
        postgresStatements: { total: perCall(after.statements.api! + after.statements.worker! - before.statements.api! - before.statements.worker!), api: perCall(after.statements.api! - before.statements.api!), worker: perCall(after.statements.worker! - before.statements.worker!) },
        pgStatStatements: await pgStatStatements(pgAdmin),
        redisCommands: { total: perCall(sum(redisCalls) - benchOwnRedisCommands), top: top(redisCalls, perCall) },
        bullmqJobs: { total: perCall(sum(jobs)), byQueue: Object.fromEntries(Object.entries(jobs).filter(([, n]) => n > 0).map(([queue, n]) => [queue, perCall(n)])) },
      },
    };
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await simulator?.stop();
    redis.disconnect();
    await redisServer?.stop();
    await counter.stop();
    if (process.env.BENCH_KEEP_SCHEMA) console.log(`kept database ${databaseName}`);
    else await pgAdmin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await pgAdmin.end();
  }
}

/** CPU ms (user + system) each process has used so far, from /proc/<pid>/stat. */
function cpuOf(processes: Record<string, { pid: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(processes).map(([name, child]) => [name, cpuMsOfPid(child.pid)]));
}

function cpuMsOfPid(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS; // utime, stime
  } catch {
    return 0; // the process is gone
  }
}

/** CPU of the Postgres backends serving the bench database (those alive at the reading). */
async function postgresCpu(pg: PgClient, database: string, known: Map<number, number> = new Map()) {
  const rows = (await pg.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database])).rows;
  const pids = new Map<number, number>();
  let ms = 0;
  for (const { pid } of rows) {
    const used = cpuMsOfPid(pid);
    pids.set(pid, used);
    ms += used;
  }
  // A backend that was there before and left meanwhile still counts what it had used then.
  for (const [pid, used] of known) if (!pids.has(pid)) ms += used;
  return { ms, pids };
}

async function transactions(pg: PgClient, database: string): Promise<number> {
  const row = (await pg.query<{ n: string }>('SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = $1', [database])).rows[0];
  return Number(row?.n ?? 0);
}

async function statementsOf(httpPort: number): Promise<Record<string, number>> {
  return (await (await fetch(`http://127.0.0.1:${httpPort}/`)).json()) as Record<string, number>;
}

/** Whether the server can say it too: pg_stat_statements needs shared_preload_libraries. */
async function pgStatStatements(pg: PgClient): Promise<string> {
  try {
    await pg.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await pg.query('SELECT count(*) FROM pg_stat_statements');
    return 'available (counts above are from the proxy, which sees each process)';
  } catch (error) {
    return `unavailable: ${(error as Error).message}; statements counted by the bench's protocol proxy`;
  }
}

async function commandStats(redis: Redis): Promise<Record<string, number>> {
  const info = await redis.info('commandstats');
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2]);
  return calls;
}

/** BullMQ's per-queue id counter: every add increments it (a repeated add of an existing id too). */
async function jobAdds(redis: Redis): Promise<{ adds: Record<string, number>; commands: number }> {
  const adds: Record<string, number> = {};
  let cursor = '0';
  let commands = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', '*:id', 'COUNT', 1000);
    cursor = next;
    commands += 1 + keys.length;
    for (const key of keys) adds[key.split(':').at(-2)!] = Number(await redis.get(key));
  } while (cursor !== '0');
  return { adds, commands };
}

async function startRedis(port: number) {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  process.once('exit', () => child.kill('SIGKILL'));
  for (let attempt = 0; ; attempt++) {
    const probe = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const ok = await probe.connect().then(() => probe.ping().then(() => true), () => false);
    probe.disconnect();
    if (ok) break;
    if (attempt > 100) throw new Error('redis-server did not start');
    await sleep(50);
  }
  return { pid: child.pid!, stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))) };
}

const diff = (after: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));
const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
const top = (values: Record<string, number>, scale: (n: number) => number) =>
  Object.fromEntries(Object.entries(values).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, n]) => [name, scale(n)]));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


type AnswerObserver = Awaited<ReturnType<typeof answerObserver>>;

async function productRun(baseUrl: string, ariUrl: string, token: string, concurrency: number, observer: AnswerObserver | null) {
  const waiters = new Map<string, Waiter>();
  const early = new Map<string, { type: string; at: number }[]>();
  const subscriber = createClient({ url: `${baseUrl.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { token } });
  await new Promise<void>((resolve, reject) => {
    subscriber.subscribe<{ callEvents: { type: string; call: { id: string } } }>(
      { query: 'subscription { callEvents { type call { id } } }' },
      {
        next: ({ data }) => {
          if (!data) return;
          const at = performance.now();
          const { type, call } = data.callEvents;
          const waiter = waiters.get(call.id);
          if (!waiter) early.set(call.id, [...(early.get(call.id) ?? []), { type, at }]);
          else if (type === 'call_answered') waiter.answered(at);
          else if (type === 'call_hungup') waiter.hungup();
        },
        error: reject,
        complete: () => undefined,
      },
    );
    subscriber.on('connected', () => setTimeout(resolve, 100));
  });

  const createToProgressing: number[] = [];
  const answeredAtReceive = new Map<string, number>();
  const started = performance.now();
  await runPool(TOTAL, concurrency, async (index) => {
    const sent = performance.now();
    const callId = await createCall(baseUrl, token, `+1555987${String(index).padStart(4, '0')}`);
    const answered = new Promise<number>((resolve) => waiters.set(callId, { answered: resolve, hungup: () => undefined }));
    for (const event of early.get(callId) ?? []) if (event.type === 'call_answered') waiters.get(callId)?.answered(event.at);
    const answeredAt = await answered;
    createToProgressing.push(answeredAt - sent);
    answeredAtReceive.set(callId, Date.now() - (performance.now() - answeredAt));
    const hungup = new Promise<void>((resolve) => waiters.set(callId, { answered: () => undefined, hungup: resolve }));
    await gql(baseUrl, token, HANGUP, { id: callId });
    await hungup;
    waiters.delete(callId);
  });
  const elapsed = (performance.now() - started) / 1000;
  await subscriber.dispose();

  const eventToSubscriber = observer ? observer.latencies(answeredAtReceive) : await answerLatencies(ariUrl, answeredAtReceive);
  return {
    rate: TOTAL / elapsed,
    callsPerSecond: round(TOTAL / elapsed),
    createToProgressingMs: { p50: round(percentile(createToProgressing, 50)), p99: round(percentile(createToProgressing, 99)) },
    ariEventToSubscriberMs: { p50: round(percentile(eventToSubscriber, 50)), p99: round(percentile(eventToSubscriber, 99)) },
  };
}

/** The simulator's answer time of each channel (the ARI ChannelStateChange Up) → our receipt. */
async function answerLatencies(simUrl: string, received: Map<string, number>): Promise<number[]> {
  const latencies: number[] = [];
  for (const [callId, receivedAt] of received) {
    const channel = (await (await fetch(`${simUrl}/sim/channels/${callId}`)).json()) as { answered_at?: string };
    if (channel.answered_at) latencies.push(receivedAt - Date.parse(channel.answered_at));
  }
  return latencies;
}

/**
 * On a real Asterisk there is no simulator to ask when it answered: a second application
 * subscribed to every channel (subscribeAll) notes when each ChannelStateChange Up arrives.
 */
async function answerObserver(ari: { url: string; username: string; password: string }) {
  const upAt = new Map<string, number>();
  const url = new URL('/ari/events', ari.url.replace(/^http/, 'ws'));
  url.searchParams.set('app', `bench-observer-${randomBytes(3).toString('hex')}`);
  url.searchParams.set('subscribeAll', 'true');
  url.searchParams.set('api_key', `${ari.username}:${ari.password}`);
  const socket = new WebSocket(url);
  socket.on('message', (data: Buffer) => {
    const event = JSON.parse(data.toString()) as { type: string; channel?: { id: string; state: string } };
    if (event.type === 'ChannelStateChange' && event.channel?.state === 'Up' && !upAt.has(event.channel.id)) upAt.set(event.channel.id, Date.now());
  });
  await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
  return {
    latencies: (received: Map<string, number>) => [...received].flatMap(([callId, at]) => (upAt.has(callId) ? [at - upAt.get(callId)!] : [])),
    close: () => socket.close(),
  };
}

async function bareAriRate(ariUrl: string, ari: { username: string; password: string; endpoint: string }, concurrency: number): Promise<number> {
  const client = await connect(ariUrl, ari.username, ari.password);
  const app = `bench-bare-${randomBytes(3).toString('hex')}`;
  const waiting = new Map<string, { started: () => void; up: () => void; destroyed: () => void }>();
  client.on('StasisStart', (event: { channel: { id: string } }) => waiting.get(event.channel.id)?.started());
  client.on('ChannelStateChange', (event: { channel: { id: string; state: string } }) => {
    if (event.channel.state === 'Up') waiting.get(event.channel.id)?.up();
  });
  client.on('ChannelDestroyed', (event: { channel: { id: string } }) => waiting.get(event.channel.id)?.destroyed());
  await client.start(app);
  const started = performance.now();
  await runPool(TOTAL, concurrency, async (index) => {
    const channelId = `bare-${index}-${randomBytes(3).toString('hex')}`;
    let started!: () => void;
    let up!: () => void;
    let destroyed!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const isUp = new Promise<void>((resolve) => (up = resolve));
    const isDestroyed = new Promise<void>((resolve) => (destroyed = resolve));
    waiting.set(channelId, { started, up, destroyed });
    await client.channels.create!({ endpoint: ari.endpoint.replace('{target}', `+1555876${String(index).padStart(4, '0')}`), app, channelId });
    // As the product does: dial once the channel is in the application (trace stasis-start-before-dial).
    await isStarted;
    await client.channels.dial!({ channelId });
    await isUp;
    await client.channels.hangup!({ channelId });
    await isDestroyed;
    waiting.delete(channelId);
  });
  const rate = TOTAL / ((performance.now() - started) / 1000);
  client.stop();
  return rate;
}

// Operations with variables, as real clients send them (so the server's document cache works).
const CREATE = 'mutation Create($input: CreateCallsInput!) { createCalls(input: $input) { id } }';
const HANGUP = 'mutation Hangup($id: ID!) { hangupCall(id: $id) { id } }';
const REGISTER_SOURCE = 'mutation Register($input: CreatePhoneNumberInput!) { createNumber(input: $input) { id } }';
const SOURCE_NUMBER = '+15551230000';

async function createCall(baseUrl: string, token: string, target: string): Promise<string> {
  const input = { source: { type: 'TEL', target: SOURCE_NUMBER }, destinations: [{ type: 'TEL', target }] };
  const body = await gql(baseUrl, token, CREATE, { input });
  return (body.data as { createCalls: { id: string }[] }).createCalls[0]!.id;
}

async function gql(baseUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

/** `count` distinct ports free on 127.0.0.1 now (each bound to port 0, read, and let go together). */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer().once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
