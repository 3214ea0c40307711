import { createClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { benchDeployment, startProcess, type BenchProcess } from './processes';
import { percentile, runPool } from './stats';

/**
 * Scale on one machine: BENCH_SCALE_CALLS (10,000) live calls made at a steady BENCH_SCALE_RATE
 * per second, held for BENCH_SCALE_HOLD_S (60) seconds while BENCH_SCALE_LIFECYCLES_PER_S (20)
 * new lifecycles run through; then an ARI reconnect with all of them up, then every call hung up.
 * The product as deployed: an API process, a worker process, the simulator in a process of its own.
 */
const CALLS = Number(process.env.BENCH_SCALE_CALLS ?? 10_000);
const RATE = Number(process.env.BENCH_SCALE_RATE ?? 25);
const HOLD_S = Number(process.env.BENCH_SCALE_HOLD_S ?? 60);
const LIFECYCLES_PER_S = Number(process.env.BENCH_SCALE_LIFECYCLES_PER_S ?? 20);
/** Far ends hung up while the event stream is down: their hangups show when reconciliation is through. */
const LOST_WHILE_DOWN = 10;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';

const CREATE = 'mutation Create($input: CreateCallsInput!) { createCalls(input: $input) { id } }';
const HANGUP = 'mutation Hangup($id: ID!) { hangupCall(id: $id) { id } }';
const REGISTER_SOURCE = 'mutation Register($input: CreatePhoneNumberInput!) { createNumber(input: $input) { id } }';
const SOURCE_NUMBER = '+15551230000';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (value: number) => Math.round(value * 10) / 10;
const log = (message: string) => console.error(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Every call event of the customer, as one graphql-ws subscriber sees them. */
class Subscriber {
  readonly answered = new Map<string, number>();
  readonly hungup = new Map<string, number>();
  private readonly waiters = new Map<string, { type: string; resolve: () => void }[]>();
  private client: ReturnType<typeof createClient> | null = null;

  async start(baseUrl: string, token: string): Promise<void> {
    this.client = createClient({ url: `${baseUrl.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { token }, lazy: false });
    await new Promise<void>((resolve, reject) => {
      this.client!.subscribe<{ callEvents: { type: string; call: { id: string } } }>(
        { query: 'subscription { callEvents { type call { id } } }' },
        { next: ({ data }) => data && this.receive(data.callEvents.type, data.callEvents.call.id), error: reject, complete: () => undefined },
      );
      this.client!.on('connected', () => setTimeout(resolve, 200));
    });
  }

  private receive(type: string, id: string): void {
    if (type === 'call_answered' && !this.answered.has(id)) this.answered.set(id, Date.now());
    if (type === 'call_hungup') this.hungup.set(id, (this.hungup.get(id) ?? 0) + 1);
    const waiting = this.waiters.get(id);
    if (!waiting) return;
    for (const waiter of waiting.filter((w) => w.type === type)) waiter.resolve();
    this.waiters.set(id, waiting.filter((w) => w.type !== type));
  }

  /** Resolves once the call's event of this type has arrived (at once when it already has). */
  when(id: string, type: 'call_answered' | 'call_hungup'): Promise<void> {
    if ((type === 'call_answered' && this.answered.has(id)) || (type === 'call_hungup' && this.hungup.has(id))) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(id, [...(this.waiters.get(id) ?? []), { type, resolve }]));
  }

  async stop(): Promise<void> {
    await this.client?.dispose();
  }
}

/** Requests the product refused for an outage of its own stores (503) or that found no connection, retried. */
let retried = 0;

/**
 * One GraphQL operation. A 503 (SERVICE_UNAVAILABLE: the API's Postgres or Redis did not answer
 * in time) or a connection that could not be made changed nothing, so it is sent again (counted
 * and printed): on a saturated machine one would otherwise end a ten-minute run.
 */
async function gql(baseUrl: string, token: string, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown }> {
  for (let attempt = 1; ; attempt++) {
    let body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    try {
      const response = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      body = (await response.json()) as typeof body;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 5 || (code !== 'UND_ERR_CONNECT_TIMEOUT' && code !== 'ECONNREFUSED')) throw error;
      retried++;
      await sleep(200 * attempt);
      continue;
    }
    if (!body.errors) return body;
    if (attempt >= 5 || body.errors[0]?.extensions?.code !== 'SERVICE_UNAVAILABLE') throw new Error(JSON.stringify(body.errors));
    retried++;
    await sleep(200 * attempt);
  }
}

/** A call to a number that answers and stays up (any number outside the sandbox's behaviours). */
async function createCall(baseUrl: string, token: string, index: number): Promise<string> {
  const input = { source: { type: 'TEL', target: SOURCE_NUMBER }, destinations: [{ type: 'TEL', target: `+1666${String(index).padStart(7, '0')}` }] };
  const body = await gql(baseUrl, token, CREATE, { input });
  return (body.data as { createCalls: { id: string }[] }).createCalls[0]!.id;
}

/**
 * Runs `task` at `perSecond` for `seconds` (or `total` times), each on its own schedule, not
 * waiting for the last; at most `inFlight` started and unfinished (a product that falls behind
 * slows the schedule down rather than drown in connections: the achieved rate is printed).
 */
async function atRate(perSecond: number, until: { total?: number; seconds?: number }, task: (index: number) => Promise<void>, inFlight = 200): Promise<number> {
  const started = performance.now();
  const running = new Set<Promise<void>>();
  for (let index = 0; ; index++) {
    const due = started + (index * 1000) / perSecond;
    if (until.total !== undefined && index >= until.total) break;
    if (until.seconds !== undefined && due - started >= until.seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    while (running.size >= inFlight) await Promise.race(running);
    const run: Promise<void> = task(index).finally(() => running.delete(run));
    running.add(run);
  }
  await Promise.all(running);
  return (performance.now() - started) / 1000;
}

async function liveCount(pg: PgClient): Promise<number> {
  return Number((await pg.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE status <> 'hangup'")).rows[0]!.n);
}

async function main(): Promise<void> {
  const { schema, token, apiPort, simPort, env: deployment } = benchDeployment(DATABASE_URL);
  const env = {
    ...deployment,
    // The load generator is one client of one customer: its own rate is the bench's to choose.
    RATE_LIMIT_PER_CUSTOMER: '100000',
    RATE_LIMIT_PER_IP: '100000',
  };
  const simUrl = `http://127.0.0.1:${simPort}`;
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const simulator = await startProcess('../src/telephony/simulator/main.js', env, `${simUrl}/ari/asterisk/ping`);
  const worker = await startProcess('worker', { ...env, ARI_URL: simUrl, WORKER_PORT: '0' }, null);
  const api = await startProcess('api', env, `${baseUrl}/health`);
  const processes: Record<string, BenchProcess> = { api, worker, simulator };
  const pg = new PgClient({ connectionString: DATABASE_URL });
  await pg.connect();
  const subscriber = new Subscriber();
  try {
    await pg.query(`SET search_path TO "${schema}"`);
    await gql(baseUrl, token, REGISTER_SOURCE, { input: { number: SOURCE_NUMBER } });
    await subscriber.start(baseUrl, token);

    // A short warm-up of whole lifecycles, so the resident sets before the ramp are those of a
    // process that has run calls (code compiled, pools filled), not of one just started.
    await atRate(LIFECYCLES_PER_S, { seconds: 5 }, async (index) => void (await lifecycle(baseUrl, token, subscriber, 9_000_000 + index)));
    await sleep(2000);
    const before = Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.rssKb()]));

    log(`making ${CALLS} calls at ${RATE}/s`);
    const live: string[] = [];
    const rampStarted = performance.now();
    const rampSeconds = await atRate(RATE, { total: CALLS }, async (index) => {
      live.push(await createCall(baseUrl, token, index));
    }, 50);
    await Promise.all(live.map((callId) => subscriber.when(callId, 'call_answered')));
    const upSeconds = (performance.now() - rampStarted) / 1000;
    const liveAfterRamp = await liveCount(pg);
    log(`${live.length} calls up after ${round(upSeconds)} s (${liveAfterRamp} live in the database); holding ${HOLD_S} s with ${LIFECYCLES_PER_S} lifecycles/s`);

    const lifecycles: { callId: string; createdAt: number }[] = [];
    const createToAnswered: number[] = [];
    const rssDuringHold: Record<string, number[]> = { api: [], worker: [], simulator: [] };
    const rssSampler = setInterval(() => {
      for (const [name, p] of Object.entries(processes)) rssDuringHold[name]!.push(p.rssKb());
    }, 1000);
    const holdSeconds = await atRate(LIFECYCLES_PER_S, { seconds: HOLD_S }, async (index) => {
      const createdAt = Date.now();
      const callId = await lifecycle(baseUrl, token, subscriber, 5_000_000 + index);
      lifecycles.push({ callId, createdAt });
      createToAnswered.push(subscriber.answered.get(callId)! - createdAt);
    });
    clearInterval(rssSampler);
    const liveAfterHold = await liveCount(pg);
    const eventToSubscriber: number[] = [];
    for (const { callId } of lifecycles) {
      const channel = (await (await fetch(`${simUrl}/sim/channels/${callId}`)).json()) as { answered_at?: string };
      if (channel.answered_at) eventToSubscriber.push(subscriber.answered.get(callId)! - Date.parse(channel.answered_at));
    }
    const rss = Object.fromEntries(
      Object.entries(processes).map(([name]) => {
        const held = percentile(rssDuringHold[name]!, 50);
        return [name, { beforeMb: round(before[name]! / 1024), heldMb: round(held / 1024), perLiveCallKb: round((held - before[name]!) / CALLS) }];
      }),
    );
    log(`hold done: ${lifecycles.length} lifecycles, event → subscriber p99 ${round(percentile(eventToSubscriber, 99))} ms`);

    // The event stream drops; while ari-client reconnects, a few far ends hang up (their events are
    // lost). Reconciled = those calls ended by the reconciliation of the reconnect, the rest still up.
    const lostIds = live.slice(-LOST_WHILE_DOWN);
    const dropAt = Date.now();
    await fetch(`${simUrl}/sim/ws/drop`, { method: 'POST' });
    await Promise.all(lostIds.map((callId) => fetch(`${simUrl}/sim/channels/${callId}/hangup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cause: 16 }) })));
    await Promise.all(lostIds.map((callId) => subscriber.when(callId, 'call_hungup')));
    const reconciledMs = Date.now() - dropAt;
    const liveAfterReconnect = await liveCount(pg);
    log(`reconnect reconciled in ${reconciledMs} ms; hanging up ${live.length - lostIds.length} calls`);

    const hangupStarted = performance.now();
    const rest = live.slice(0, -LOST_WHILE_DOWN);
    await runPool(rest.length, 50, async (index) => {
      await gql(baseUrl, token, HANGUP, { id: rest[index] });
    });
    await Promise.all(live.map((callId) => subscriber.when(callId, 'call_hungup')));
    const hangupSeconds = (performance.now() - hangupStarted) / 1000;
    await sleep(2000); // a duplicate would come now
    const ramp = new Set(live);
    const notOnce = [...ramp].filter((callId) => subscriber.hungup.get(callId) !== 1).length;
    const stored = (await pg.query<{ calls: string; once: string }>(
      `SELECT count(*) AS calls, count(*) FILTER (WHERE n = 1) AS once FROM (SELECT resource_id, count(*) AS n FROM events WHERE type = 'call_hungup' AND resource_id = ANY($1::uuid[]) GROUP BY resource_id) h`,
      [live],
    )).rows[0]!;

    console.log(JSON.stringify({
      calls: CALLS,
      ramp: { perSecond: RATE, seconds: round(rampSeconds), achievedPerSecond: round(CALLS / rampSeconds), allAnsweredAfterSeconds: round(upSeconds), liveAfterRamp },
      hold: {
        seconds: round(holdSeconds),
        lifecycles: lifecycles.length,
        liveAfterHold,
        ariEventToSubscriberMs: { p50: round(percentile(eventToSubscriber, 50)), p99: round(percentile(eventToSubscriber, 99)) },
        createToAnsweredMs: { p50: round(percentile(createToAnswered, 50)), p99: round(percentile(createToAnswered, 99)) },
      },
      rss,
      reconnect: { reconciledMs, farEndsLostWhileDown: LOST_WHILE_DOWN, liveAfterReconnect },
      hangup: { seconds: round(hangupSeconds), perSecond: round(rest.length / hangupSeconds), callsWithoutExactlyOneCallHungup: notOnce, storedCallHungup: { calls: Number(stored.calls), exactlyOnce: Number(stored.once) } },
      requestsRetried: retried,
      peakRssMb: Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.peakRssMb()])),
    }, null, 2));
  } finally {
    await subscriber.stop().catch(() => undefined);
    await Promise.all([api.stop(), worker.stop()]);
    await simulator.stop();
    if (process.env.BENCH_KEEP_SCHEMA) console.log(`kept schema ${schema}`);
    else await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
  }
}

/** One whole lifecycle: create, the answer at the subscriber, hangup, call_hungup at the subscriber. */
async function lifecycle(baseUrl: string, token: string, subscriber: Subscriber, index: number): Promise<string> {
  const callId = await createCall(baseUrl, token, index);
  await subscriber.when(callId, 'call_answered');
  await gql(baseUrl, token, HANGUP, { id: callId });
  await subscriber.when(callId, 'call_hungup');
  return callId;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
