import { randomBytes } from 'node:crypto';
import { connect } from 'ari-client';
import { createClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../src/config';
import { startProcess } from './stack';
import { percentile, runPool } from './stats';

/**
 * Full outbound call lifecycles through the whole stack (GraphQL mutation → BullMQ → ARI →
 * simulator → ARI events → Postgres → outbox → Redis → graphql-ws subscriber), against the bare
 * ari-client rate on the same simulator as the ceiling.
 */
const TOTAL = Number(process.env.BENCH_CALLS ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';

interface Waiter {
  answered: (receivedAt: number) => void;
  hungup: () => void;
}

/** The product as it is deployed: one API process and one worker process (with the simulator). */
async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const schema = `bench_${id}`;
  const token = `bench-${id}`;
  const apiPort = 3900 + Math.floor(Math.random() * 50);
  const simPort = apiPort + 100;
  const env = {
    ...process.env,
    DATABASE_URL,
    DATABASE_SCHEMA: schema,
    REDIS_PREFIX: `bench:${id}`,
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    SIM_PORT: String(simPort),
    SIM_RING_MS: '5',
    SIM_ANSWER_MS: '5',
    BOOTSTRAP_ACCESS_KEY: token,
    LOG_LEVEL: 'warn',
  };
  // The simulator stands where Asterisk would: a process of its own that the worker reaches over ARI.
  const simulator = await startProcess('../src/telephony/simulator/main.js', env, `http://127.0.0.1:${simPort}/ari/asterisk/ping`);
  const worker = await startProcess('worker', { ...env, ARI_URL: `http://127.0.0.1:${simPort}` }, null);
  const api = await startProcess('api', env, `http://127.0.0.1:${apiPort}/health`);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const simUrl = `http://127.0.0.1:${simPort}`;
  try {
    const config = loadConfig(env);
    const baseline = await bareAriRate(simUrl, config.ari.username, config.ari.password);
    // Outgoing tel calls must come from one of the customer's own numbers.
    await gql(baseUrl, token, REGISTER_SOURCE, { input: { number: SOURCE_NUMBER } });
    const product = await productRun(baseUrl, simUrl, token);
    const ratio = product.rate / baseline;
    const { rate: _rate, ...figures } = product;
    console.log(JSON.stringify({ calls: TOTAL, concurrency: CONCURRENCY, ...figures, peakRssMb: { api: api.peakRssMb(), worker: worker.peakRssMb(), simulator: simulator.peakRssMb() }, bareAriCyclesPerSecond: round(baseline), ratio: round(ratio) }, null, 2));
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await simulator.stop();
    const pg = new PgClient({ connectionString: DATABASE_URL });
    await pg.connect();
    if (process.env.BENCH_KEEP_SCHEMA) console.log(`kept schema ${schema}`);
    else await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
  }
}

async function productRun(baseUrl: string, simUrl: string, token: string) {
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
  await runPool(TOTAL, CONCURRENCY, async (index) => {
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

  const eventToSubscriber = await answerLatencies(simUrl, answeredAtReceive);
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

async function bareAriRate(simUrl: string, username: string, password: string): Promise<number> {
  const client = await connect(simUrl, username, password);
  const app = `bench-bare-${randomBytes(3).toString('hex')}`;
  const waiting = new Map<string, { started: () => void; up: () => void; destroyed: () => void }>();
  client.on('StasisStart', (event: { channel: { id: string } }) => waiting.get(event.channel.id)?.started());
  client.on('ChannelStateChange', (event: { channel: { id: string; state: string } }) => {
    if (event.channel.state === 'Up') waiting.get(event.channel.id)?.up();
  });
  client.on('ChannelDestroyed', (event: { channel: { id: string } }) => waiting.get(event.channel.id)?.destroyed());
  await client.start(app);
  const started = performance.now();
  await runPool(TOTAL, CONCURRENCY, async (index) => {
    const channelId = `bare-${index}-${randomBytes(3).toString('hex')}`;
    let started!: () => void;
    let up!: () => void;
    let destroyed!: () => void;
    const isStarted = new Promise<void>((resolve) => (started = resolve));
    const isUp = new Promise<void>((resolve) => (up = resolve));
    const isDestroyed = new Promise<void>((resolve) => (destroyed = resolve));
    waiting.set(channelId, { started, up, destroyed });
    await client.channels.create!({ endpoint: `PJSIP/+1555876${String(index).padStart(4, '0')}@carrier`, app, channelId });
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

const round = (value: number) => Math.round(value * 10) / 10;

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
