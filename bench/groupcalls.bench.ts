import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { startProcess } from './stack';
import { percentile } from './stats';

/**
 * First answer wins, the rest are cancelled: how long from the winner's answer at the simulator
 * to each loser's hangup at the simulator. ring_all groupcalls of LEGS legs, AT_ONCE of them
 * ringing together, each answered on one random leg at the same moment; both times are the
 * simulator's own (`answered_at`, `destroyed_at` of its channel records), so the figure is the
 * whole path: ARI event → worker → Postgres → outbox → reaction job → hangups → ARI → simulator.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const AT_ONCE = Number(process.env.BENCH_GROUPCALLS_AT_ONCE ?? 20);
const LEGS = Number(process.env.BENCH_LEGS ?? 5);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';
const SOURCE_NUMBER = '+15551230000';

interface SimRecord {
  id: string;
  state: string;
  answered_at: string | null;
  destroyed_at: string | null;
}

type Json = Record<string, unknown>;

async function main(): Promise<void> {
  const id = randomBytes(4).toString('hex');
  const schema = `bench_${id}`;
  const token = `bench-${id}`;
  const apiPort = 3950 + Math.floor(Math.random() * 40);
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
  const simulator = await startProcess('../src/telephony/simulator/main.js', env, `http://127.0.0.1:${simPort}/ari/asterisk/ping`);
  const worker = await startProcess('worker', { ...env, ARI_URL: `http://127.0.0.1:${simPort}` }, null);
  const api = await startProcess('api', env, `http://127.0.0.1:${apiPort}/health`);
  const rest = restClient(`http://127.0.0.1:${apiPort}/v1.0`, token);
  const simUrl = `http://127.0.0.1:${simPort}`;
  try {
    await rest('POST', '/numbers', { number: SOURCE_NUMBER });
    const latencies: number[] = [];
    for (let round = 0; round < ROUNDS; round++) latencies.push(...(await oneRound(rest, simUrl, round)));
    console.log(
      JSON.stringify(
        {
          groupcalls: ROUNDS * AT_ONCE,
          atOnce: AT_ONCE,
          legs: LEGS,
          losers: latencies.length,
          winnerAnswerToLoserHangupMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) },
          peakRssMb: { api: api.peakRssMb(), worker: worker.peakRssMb(), simulator: simulator.peakRssMb() },
        },
        null,
        2,
      ),
    );
  } finally {
    await Promise.all([api.stop(), worker.stop()]);
    await simulator.stop();
    const pg = new PgClient({ connectionString: DATABASE_URL });
    await pg.connect();
    await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pg.end();
  }
}

/** AT_ONCE groupcalls made and ringing; one leg of each answered at once; the losers' hangup delays. */
async function oneRound(rest: ReturnType<typeof restClient>, simUrl: string, round: number): Promise<number[]> {
  const groupcalls = await Promise.all(
    Array.from({ length: AT_ONCE }, async (_, g) => {
      const destinations = Array.from({ length: LEGS }, (_, leg) => ({ type: 'tel', target: `+1555000${2000 + ((round * AT_ONCE + g) * LEGS + leg) % 1000}` }));
      const body = { source: { type: 'tel', target: SOURCE_NUMBER }, destinations, actions: [{ type: 'hangup' }], ring_method: 'ring_all', answer_method: 'hangup_others' };
      return (await rest('POST', '/groupcalls', body)) as { id: string; call_ids: string[] };
    }),
  );
  const legs = groupcalls.flatMap((groupcall) => groupcall.call_ids);
  await until(simUrl, legs, (records) => records.every((record) => record.state === 'Ringing'));
  const winners = groupcalls.map((groupcall) => groupcall.call_ids[Math.floor(Math.random() * LEGS)] as string);
  await Promise.all(winners.map((winner) => fetch(`${simUrl}/sim/channels/${winner}/answer`, { method: 'POST' })));
  const records = await until(simUrl, legs, (all) => all.every((record) => record.destroyed_at !== null));
  const byId = new Map(records.map((record) => [record.id, record]));
  return groupcalls.flatMap((groupcall, g) => {
    const answeredAt = Date.parse(byId.get(winners[g] as string)?.answered_at ?? '');
    return groupcall.call_ids.filter((leg) => leg !== winners[g]).map((leg) => Date.parse(byId.get(leg)?.destroyed_at ?? '') - answeredAt);
  });
}

/** Polls the simulator's records of `ids` until `done`. */
async function until(simUrl: string, ids: string[], done: (records: SimRecord[]) => boolean): Promise<SimRecord[]> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const records = await Promise.all(ids.map(async (id) => (await (await fetch(`${simUrl}/sim/channels/${id}`)).json()) as SimRecord));
    if (done(records)) return records;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the simulator never reached the awaited state');
}

function restClient(baseUrl: string, token: string) {
  return async (method: string, path: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as Json;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
