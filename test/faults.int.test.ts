import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { localPortsTo } from './support/process-sockets';
import { TEST_DATABASE_URL } from './support/test-app';
import { waitFor } from './support/wait';
import type { Delivery } from './support/webhook-deliveries';
import { startReceiver, type Receiver } from './support/webhook-receiver';
import { spawnSource, type WorkerProcess } from './support/worker-process';

/**
 * The product under faults, as it is deployed: the API, the worker and the ARI simulator each in
 * a process of its own, about a hundred calls of every sandbox kind, and a webhook. The worker
 * is killed three times, the API once, the simulator is killed and started again, and every
 * Redis client and Postgres backend of the product is cut once. Afterwards: every call ended,
 * with exactly one call_hungup in its history and at the webhook, the webhook heard each call's
 * events in order, no answer was a 5xx, every process works again, and the calls the faults
 * ended say so truthfully (a failed originate is local/failed with its reason; a call whose
 * channel vanished unheard is marked reconciled, with a reason that follows its last status).
 *
 * Every wait is for a condition, with a limit that only stops a test that would otherwise hang.
 */
jest.setTimeout(600_000);

const id = randomBytes(6).toString('hex');
const SCHEMA = `t_faults_${id}`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ACCESS_KEY = `faults-${randomBytes(16).toString('hex')}`;
const SOURCE = '+15551234567';
const LEADS = /this process now hears the ARI events/;

let receiver: Receiver;
let simPort: number;
let apiPort: number;
const processes: WorkerProcess[] = [];
let sim: WorkerProcess;
let api: WorkerProcess;
let worker: WorkerProcess;
/** Every status the API answered the test, with what was asked. */
const answered: { status: number; what: string }[] = [];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const productEnv = () => ({
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: SCHEMA,
  REDIS_URL,
  REDIS_PREFIX: `test:${id}`,
  ARI_URL: `http://127.0.0.1:${simPort}`,
  ARI_LEADER_POLL_MS: '200',
  ARI_REQUEST_TIMEOUT_MS: '5000',
  // The media server is down for a while in phase B, and its calls must wait for its return (and
  // the reconciliation): giving it up as lost (test/media-servers.int.test.ts) is not this test's.
  // Under a loaded machine the phase outlasted the default 30 s, and the calls ended as lost.
  ARI_LOST_AFTER_MS: '600000',
  BOOTSTRAP_ACCESS_KEY: ACCESS_KEY,
  PORT: String(apiPort),
  WORKER_PORT: '0', // the worker's operations server, on a port of its own
  HOST: '127.0.0.1',
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  WEBHOOK_TIMEOUT_MS: '2000', // a killed sender's lease (2 × timeout + 1 s) runs out soon
  WEBHOOK_BACKOFF_MS: '50',
  WEBHOOK_SWEEP_MS: '300',
  REACTION_LOCK_MS: '2000',
  JOB_LOCK_MS: '5000', // the originates of a killed worker are made soon by the next one
  RATE_LIMIT_PER_CUSTOMER: '100000',
  RATE_LIMIT_PER_IP: '100000',
  LOG_LEVEL: 'info',
  LOG_FORMAT: 'json',
});

const started = (child: WorkerProcess) => (processes.push(child), child);

async function startSimulator(): Promise<WorkerProcess> {
  const child = started(
    spawnSource('src/telephony/simulator/main.ts', [], {
      SIM_PORT: String(simPort),
      SIM_HOST: '127.0.0.1',
      SIM_RING_MS: '100',
      SIM_ANSWER_MS: '200',
      SIM_GIVE_UP_MS: '600',
      SIM_REMOTE_HANGUP_MS: '600',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    }),
  );
  await Promise.race([child.line(/ARI simulator listening/), child.exited.then((code) => Promise.reject(new Error(`the simulator exited (${code})`)))]);
  return child;
}

async function startApi(): Promise<WorkerProcess> {
  const child = started(spawnSource('src/main.ts', ['api'], productEnv()));
  await waitFor(
    async () => {
      if (child.child.exitCode !== null) throw new Error(`the API exited (${child.child.exitCode})`);
      return fetch(`http://127.0.0.1:${apiPort}/readyz`).then((response) => response.status, () => 0);
    },
    (status) => status === 200,
    'the API to be ready',
    180_000,
  );
  return child;
}

async function startWorker(): Promise<WorkerProcess> {
  const child = started(spawnSource('src/main.ts', ['worker'], productEnv()));
  await Promise.race([child.line(LEADS), child.exited.then((code) => Promise.reject(new Error(`the worker exited (${code})`)))]);
  return child;
}

/** A /v1.0 request; while the API is down (killed, restarting) it is tried again until it answers. */
async function rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const url = `http://127.0.0.1:${apiPort}/v1.0${path}${path.includes('?') ? '&' : '?'}token=${ACCESS_KEY}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const response = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const text = await response.text();
      answered.push({ status: response.status, what: `${method} ${path}` });
      return { status: response.status, body: text ? JSON.parse(text) : {} };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100)); // no answer at all: the API is not up yet
    }
  }
}

interface RestCall {
  id: string;
  status: string;
  hangup_by: string;
  hangup_reason: string;
  hangup_detail: string;
  hangup_reconciled: boolean;
  tm_ringing: string;
  tm_progressing: string;
  destination: { target: string };
}
const NOT_YET = '9999-01-01 00:00:00.000000';

async function createCalls(targets: string[], extra: Record<string, unknown> = {}): Promise<string[]> {
  const created = await rest('POST', '/calls', { source: { type: 'tel', target: SOURCE }, destinations: targets.map((target) => ({ type: 'tel', target })), ...extra });
  expect(created.status).toBe(200);
  return (created.body.calls as { id: string }[]).map((call) => call.id);
}

/** Every call, following next_page_token. */
async function allCalls(): Promise<Map<string, RestCall>> {
  const calls = new Map<string, RestCall>();
  for (let token = ''; ; ) {
    const page = await rest('GET', `/calls?page_size=100${token ? `&page_token=${encodeURIComponent(token)}` : ''}`);
    expect(page.status).toBe(200);
    for (const call of page.body.result as RestCall[]) calls.set(call.id, call);
    token = page.body.next_page_token as string;
    if (!token || (page.body.result as unknown[]).length === 0) return calls;
  }
}

const callsOf = async (ids: string[]) => {
  const all = await allCalls();
  return ids.map((one) => all.get(one)!);
};
/** The limits only stop a run that would hang; they are generous for a loaded machine. */
const waitUntil = (ids: string[], accept: (call: RestCall) => boolean, what: string, limitMs = 180_000) =>
  waitFor(() => callsOf(ids), (calls) => calls.every((call) => call !== undefined && accept(call)), what, limitMs);
const countEnded = async (ids: string[]) => (await callsOf(ids)).filter((call) => call.status === 'hangup').length;

/** Ends every Redis connection of the API and the worker (CLIENT KILL), and nobody else's. */
async function killRedisClients(): Promise<number> {
  const ports = new Set(localPortsTo([api.child.pid!, worker.child.pid!], Number(new URL(REDIS_URL).port || 6379)));
  const redis = new Redis(REDIS_URL);
  try {
    const list = (await redis.client('LIST')) as string;
    const ids = list
      .split('\n')
      .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1], port: Number(/\baddr=[^ ]*:(\d+)/.exec(line)?.[1]) }))
      .filter((client) => client.id && ports.has(client.port));
    for (const client of ids) await redis.client('KILL', 'ID', client.id!);
    return ids.length;
  } finally {
    redis.disconnect();
  }
}

/** Ends every Postgres backend of the API and the worker (pg_terminate_backend), and nobody else's. */
async function killPostgresBackends(): Promise<number> {
  const ports = localPortsTo([api.child.pid!, worker.child.pid!], Number(new URL(TEST_DATABASE_URL).port || 5432));
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE client_port = ANY($1::int[]) AND pid <> pg_backend_pid()', [ports]);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function killWorker(): Promise<void> {
  await worker.kill('SIGKILL');
  worker = await startWorker();
}

/** Ten numbers of a sandbox kind: `prefix` then three digits. */
const numbers = (prefix: string, count: number, from = 0) => Array.from({ length: count }, (_, index) => `${prefix}${String(100 + from + index).padStart(3, '0')}`);

beforeAll(async () => {
  [simPort, apiPort] = await Promise.all([freePort(), freePort()]);
  receiver = await startReceiver();
  sim = await startSimulator();
  api = await startApi();
  worker = await startWorker();
});

afterAll(async () => {
  for (const child of processes) await child.kill('SIGKILL');
  await receiver?.close();
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).finally(() => client.end());
});

it('ends every call once and truthfully through worker, API, simulator, Redis and Postgres faults', async () => {
  expect((await rest('POST', '/numbers', { number: SOURCE })).status).toBe(200);
  const webhook = await rest('POST', '/webhooks', { url: receiver.url('/faults') });
  expect(webhook.status).toBe(200);
  const webhookId = webhook.body.id as string;

  // --- Phase A: sixty calls of six kinds, while the worker dies twice, the API once, and
  // every Redis client and Postgres backend of the product is cut.
  const expected = new Map<string, [string, string]>(); // what the sandbox makes of a call left alone
  const kinds: [string[], [string, string], Record<string, unknown>][] = [
    [numbers('+15550001', 10), ['remote', 'busy'], {}],
    [numbers('+15550003', 10), ['remote', 'noanswer'], {}],
    [numbers('+15550004', 10), ['remote', 'failed'], {}],
    [numbers('+15550005', 10), ['remote', 'normal'], {}],
    [numbers('+15550002', 10), ['local', 'dialout'], { dial_timeout: 4000 }],
    [numbers('+1555888', 10, 1000), ['local', 'normal'], { actions: [{ type: 'sleep', option: { duration: 1500 } }, { type: 'hangup' }] }],
  ];
  const batchA: string[] = [];
  for (const [targets, outcome, extra] of kinds) {
    for (const callId of await createCalls(targets, extra)) {
      batchA.push(callId);
      expected.set(callId, outcome);
    }
  }
  await killWorker(); // 1: as the originates run (StasisStarts and dial results are lost)
  await waitFor(() => countEnded(batchA), (ended) => ended >= 15, 'a quarter of the calls to end', 180_000);
  await api.kill('SIGKILL');
  api = await startApi();
  expect(await killRedisClients()).toBeGreaterThan(0);
  await waitFor(() => countEnded(batchA), (ended) => ended >= 30, 'half of the calls to end', 180_000);
  expect(await killPostgresBackends()).toBeGreaterThan(0);
  await killWorker(); // 2
  summarize('phase A', await waitUntil(batchA, (call) => call.status === 'hangup', 'every call of phase A to end', 180_000));

  // --- Phase B: calls up (answered, or ringing for ever) when the media server dies; while it
  // is down, calls that cannot be originated; then it comes back empty.
  const answeredCalls = await createCalls(numbers('+1555777', 10, 1000));
  const ringingCalls = await createCalls(numbers('+15550002', 5, 500), { dial_timeout: 600_000 });
  await waitUntil(answeredCalls, (call) => call.status === 'progressing', 'the calls to be answered');
  await waitUntil(ringingCalls, (call) => call.status === 'ringing', 'the calls to ring');
  await killWorker(); // 3: its successor reconciles, and every channel is still there
  expect((await callsOf([...answeredCalls, ...ringingCalls])).every((call) => call.status === 'progressing' || call.status === 'ringing')).toBe(true);

  await sim.kill('SIGKILL');
  const unreachable = await createCalls(numbers('+1555666', 5, 1000), { dial_timeout: 600_000 });
  const failed = await waitUntil(unreachable, (call) => call.status === 'hangup', 'the calls that cannot be originated to end', 120_000);
  for (const call of failed) {
    expect(call).toMatchObject({ hangup_by: 'local', hangup_reason: 'failed', hangup_reconciled: false, tm_ringing: NOT_YET });
    expect(call.hangup_detail).toMatch(/^The call could not be originated after \d+ attempts: /);
  }
  sim = await startSimulator();
  const lost = await waitUntil([...answeredCalls, ...ringingCalls], (call) => call.status === 'hangup', 'the reconciled hangups', 120_000);
  for (const call of lost) {
    const wasAnswered = answeredCalls.includes(call.id);
    expect(call).toMatchObject({ hangup_by: 'remote', hangup_reason: wasAnswered ? 'normal' : 'noanswer', hangup_reconciled: true });
    expect(call.hangup_detail).toContain(`last known status: ${wasAnswered ? 'progressing' : 'ringing'}`);
  }

  // --- Phase D: after the faults, every process works: calls end exactly as the sandbox says.
  const batchD: string[] = [];
  for (const [targets, outcome] of [
    [numbers('+15550001', 5, 500), ['remote', 'busy']],
    [numbers('+15550003', 5, 500), ['remote', 'noanswer']],
    [numbers('+15550004', 5, 500), ['remote', 'failed']],
    [numbers('+15550005', 5, 500), ['remote', 'normal']],
  ] as [string[], [string, string]][]) {
    for (const callId of await createCalls(targets)) {
      batchD.push(callId);
      expected.set(callId, outcome);
    }
  }
  const recovered = await waitUntil(batchD, (call) => call.status === 'hangup', 'the calls after the faults to end');
  for (const call of recovered) {
    expect({ id: call.id, by: call.hangup_by, reason: call.hangup_reason, reconciled: call.hangup_reconciled, detail: call.hangup_detail }).toEqual({ id: call.id, by: expected.get(call.id)![0], reason: expected.get(call.id)![1], reconciled: false, detail: '' });
  }

  // --- Every call, in the end.
  const everyId = [...batchA, ...answeredCalls, ...ringingCalls, ...unreachable, ...batchD];
  expect(everyId).toHaveLength(100);
  const final = await callsOf(everyId);
  expect(final.filter((call) => call.status !== 'hangup')).toEqual([]);

  summarize('every call', final);
  const histories = new Map<string, { type: string; sequence: number }[]>();
  for (const callId of everyId) histories.set(callId, (await rest('GET', `/calls/${callId}/events`)).body.result);
  for (const call of final) {
    const history = histories.get(call.id)!;
    expect({ id: call.id, hungup: history.filter((event) => event.type === 'call_hungup').length, last: history.at(-1)?.type }).toEqual({ id: call.id, hungup: 1, last: 'call_hungup' });
    // The truth of each ending: a call never answered never ends `normal`; one reconciliation
    // ended follows its last status before the hangup; a failed originate never rang.
    const before = history.filter((event) => event.type !== 'call_hungup' && event.type !== 'call_deleted').map((event) => event.type);
    if (call.tm_progressing === NOT_YET) expect({ id: call.id, reason: call.hangup_reason }).not.toEqual({ id: call.id, reason: 'normal' });
    if (call.hangup_reconciled) {
      const last = before.at(-1);
      const reason = last === 'call_answered' ? 'normal' : last === 'call_ringing' ? 'noanswer' : last === 'call_created' ? 'failed' : undefined;
      if (reason) expect({ id: call.id, reason: call.hangup_reason, by: call.hangup_by }).toEqual({ id: call.id, reason, by: 'remote' });
    }
    if (call.hangup_detail.startsWith('The call could not be originated')) expect({ id: call.id, by: call.hangup_by, reason: call.hangup_reason, rang: call.tm_ringing }).toEqual({ id: call.id, by: 'local', reason: 'failed', rang: NOT_YET });
    // Otherwise a call ends as the sandbox says, or one a fault ended carries its mark; the
    // exceptions are what the faults really did: a call that never rang within its dial timeout
    // because no worker was there to dial it, or whose Dial result died with the worker that
    // heard it (its channel stays Down, as if still dialled), ends local/dialout at its dial
    // timeout (docs/architecture.md, "A dial is never lost, and never sent twice"); a ringing
    // call whose dial timeout came late (no worker) is ended by the media server's own dial
    // timeout, 5 s later: remote/noanswer.
    const sandbox = expected.get(call.id);
    const outcome = { id: call.id, by: call.hangup_by, reason: call.hangup_reason };
    const neverDialledInTime = call.tm_ringing === NOT_YET && call.hangup_reason === 'dialout';
    const mediaServerTimedOut = sandbox?.[1] === 'dialout' && call.tm_ringing !== NOT_YET && call.hangup_by === 'remote' && call.hangup_reason === 'noanswer';
    if (sandbox && !call.hangup_reconciled && !call.hangup_detail && !neverDialledInTime && !mediaServerTimedOut) expect(outcome).toEqual({ id: call.id, by: sandbox[0], reason: sandbox[1] });
  }

  // --- The webhook: every event of every call, each call's in order, one call_hungup each.
  const expectedEvents = new Set([...histories].flatMap(([callId, history]) => history.map((event) => `${callId}:${event.sequence}`)));
  const deliveries = await waitFor(
    () => allDeliveries(webhookId),
    (items) => items.filter((item) => item.event_type.startsWith('call_')).length >= expectedEvents.size && items.every((item) => item.status === 'delivered'),
    'every delivery made',
    180_000,
  );
  const byId = new Map(deliveries.map((item) => [item.id, item]));
  const accepted = receiver.accepted('/faults').filter((entry) => entry.body.type.startsWith('call_'));
  expect(new Set(accepted.map((entry) => `${entry.body.data.id}:${byId.get(entry.deliveryId)!.sequence}`))).toEqual(expectedEvents);
  for (const callId of everyId) {
    const seen = accepted.filter((entry) => entry.body.data.id === callId);
    const sequences = seen.map((entry) => byId.get(entry.deliveryId)!.sequence);
    expect({ callId, sequences }).toEqual({ callId, sequences: [...sequences].sort((x, y) => x - y) });
    expect({ callId, hungup: seen.filter((entry) => entry.body.type === 'call_hungup').length }).toEqual({ callId, hungup: 1 });
  }

  // --- No 5xx, and every process is up and was never left for dead.
  expect(answered.filter((answer) => answer.status >= 500)).toEqual([]);
  for (const child of [sim, api, worker]) expect(child.child.exitCode).toBeNull();
  expect(await fetch(`http://127.0.0.1:${apiPort}/readyz`).then((response) => response.status)).toBe(200);
});

/** FAULTS_SUMMARY=1: how the calls ended, by kind of destination (what the faults did to them). */
function summarize(label: string, calls: RestCall[]): void {
  if (!process.env.FAULTS_SUMMARY) return;
  const kinds = new Map<string, number>();
  for (const call of calls) {
    const mark = call.hangup_reconciled ? ' reconciled' : call.hangup_detail ? ' (originate failed)' : '';
    const key = `${call.destination.target.slice(0, 9)}xxx ${call.hangup_by}/${call.hangup_reason}${mark}${call.tm_ringing === NOT_YET ? ' never rang' : ''}`;
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  console.log(`${label}:\n${[...kinds].sort().map(([key, count]) => `${String(count).padStart(3)} ${key}`).join('\n')}`);
}

/** Every delivery of the webhook, following next_page_token. */
async function allDeliveries(webhookId: string): Promise<Delivery[]> {
  const all: Delivery[] = [];
  for (let token = ''; ; ) {
    const page = await rest('GET', `/webhooks/${webhookId}/deliveries?page_size=100${token ? `&page_token=${token}` : ''}`);
    const items = page.body.result as Delivery[];
    if (!items.length) return all;
    all.push(...items);
    token = page.body.next_page_token as string;
  }
}
