import { Client as PgClient } from 'pg';
import { benchDeployment, startProcess } from './processes';
import { percentile, runPool } from './stats';

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
  const { schema, token, apiPort, simPort, env } = benchDeployment(DATABASE_URL);
  const simulator = await startProcess('../src/telephony/simulator/main.js', env, `http://127.0.0.1:${simPort}/ari/asterisk/ping`);
  const worker = await startProcess('worker', { ...env, ARI_URL: `http://127.0.0.1:${simPort}`, WORKER_PORT: '0' }, null);
  const api = await startProcess('api', env, `http://127.0.0.1:${apiPort}/health`);
  const rest = restClient(`http://127.0.0.1:${apiPort}/v1.0`, token);
  const simUrl = `http://127.0.0.1:${simPort}`;
  try {
    await rest('POST', '/numbers', { number: SOURCE_NUMBER });
    const latencies: number[] = [];
    const losers: Loser[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured = await oneRound(rest, simUrl, round);
      losers.push(...measured);
      latencies.push(...measured.map((loser) => loser.hungupAt - loser.winnerAnsweredAt));
    }
    const phases = await phasesOf(losers, schema);
    console.log(
      JSON.stringify(
        {
          groupcalls: ROUNDS * AT_ONCE,
          atOnce: AT_ONCE,
          legs: LEGS,
          losers: latencies.length,
          winnerAnswerToLoserHangupMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) },
          phasesMs: phases,
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

/** A losing leg: its groupcall, the winner, and the simulator's times of the winner's answer and its own hangup. */
interface Loser {
  groupcallId: string;
  winnerId: string;
  loserId: string;
  winnerAnsweredAt: number;
  hungupAt: number;
}

/**
 * Where the time goes, p50/p99 of each step, from the events' commit times: the winner's answer
 * at the simulator → its call_answered committed → the groupcall_progressing (the reaction
 * claimed the answer) → the loser's call_updated (canceling) → the loser's hangup at the simulator.
 */
async function phasesOf(losers: Loser[], schema: string): Promise<Record<string, { p50: number; p99: number }>> {
  const pg = new PgClient({ connectionString: DATABASE_URL });
  await pg.connect();
  try {
    const ids = [...new Set(losers.flatMap((loser) => [loser.groupcallId, loser.winnerId, loser.loserId]))];
    const rows = await pg.query<{ resource_id: string; type: string; status: string | null; at: number }>(
      `SELECT resource_id, type, payload->>'status' AS status, extract(epoch FROM tm_create) * 1000 AS at FROM "${schema}".events WHERE resource_id = ANY($1::uuid[])`,
      [ids],
    );
    const at = (id: string, accept: (row: { type: string; status: string | null }) => boolean) =>
      Number(rows.rows.find((row) => row.resource_id === id && accept(row))?.at ?? NaN);
    const steps: Record<string, number[]> = { answerToAnsweredEvent: [], answeredEventToClaim: [], claimToLoserCanceling: [], loserCancelingToSimHangup: [] };
    for (const loser of losers) {
      const answered = at(loser.winnerId, (row) => row.type === 'call_answered');
      const claimed = at(loser.groupcallId, (row) => row.type === 'groupcall_progressing');
      const canceling = at(loser.loserId, (row) => row.type === 'call_updated' && row.status === 'canceling');
      steps.answerToAnsweredEvent!.push(answered - loser.winnerAnsweredAt);
      steps.answeredEventToClaim!.push(claimed - answered);
      steps.claimToLoserCanceling!.push(canceling - claimed);
      steps.loserCancelingToSimHangup!.push(loser.hungupAt - canceling);
    }
    const round = (value: number) => Math.round(value);
    return Object.fromEntries(Object.entries(steps).map(([step, values]) => [step, { p50: round(percentile(values.filter(Number.isFinite), 50)), p99: round(percentile(values.filter(Number.isFinite), 99)) }]));
  } finally {
    await pg.end();
  }
}

/** AT_ONCE groupcalls made and ringing; one leg of each answered at once; the losers' hangup delays. */
async function oneRound(rest: ReturnType<typeof restClient>, simUrl: string, round: number): Promise<Loser[]> {
  // Made a few at a time (the making is not measured); all ring together before the answers.
  const groupcalls: { id: string; call_ids: string[] }[] = [];
  await runPool(AT_ONCE, 4, async (g) => {
    const destinations = Array.from({ length: LEGS }, (_, leg) => ({ type: 'tel', target: `+1555000${2000 + (((round * AT_ONCE + g) * LEGS + leg) % 1000)}` }));
    const body = { source: { type: 'tel', target: SOURCE_NUMBER }, destinations, actions: [{ type: 'hangup' }], ring_method: 'ring_all', answer_method: 'hangup_others' };
    groupcalls[g] = (await rest('POST', '/groupcalls', body)) as { id: string; call_ids: string[] };
  });
  const legs = groupcalls.flatMap((groupcall) => groupcall.call_ids);
  await until(simUrl, legs, (records) => records.every((record) => record.state === 'Ringing'));
  const winners = groupcalls.map((groupcall) => groupcall.call_ids[Math.floor(Math.random() * LEGS)] as string);
  await Promise.all(winners.map((winner) => fetch(`${simUrl}/sim/channels/${winner}/answer`, { method: 'POST' })));
  const records = await until(simUrl, legs, (all) => all.every((record) => record.destroyed_at !== null));
  const byId = new Map(records.map((record) => [record.id, record]));
  return groupcalls.flatMap((groupcall, g) => {
    const winnerId = winners[g] as string;
    const winnerAnsweredAt = Date.parse(byId.get(winnerId)?.answered_at ?? '');
    return groupcall.call_ids
      .filter((leg) => leg !== winnerId)
      .map((loserId) => ({ groupcallId: groupcall.id, winnerId, loserId, winnerAnsweredAt, hungupAt: Date.parse(byId.get(loserId)?.destroyed_at ?? '') }));
  });
}

/** Polls the simulator's records of `ids` until `done`: one request every 100 ms, so the polling hardly loads the simulator it measures. */
async function until(simUrl: string, ids: string[], done: (records: SimRecord[]) => boolean): Promise<SimRecord[]> {
  const wanted = new Set(ids);
  for (let attempt = 0; attempt < 600; attempt++) {
    const records = ((await (await fetch(`${simUrl}/sim/channels`)).json()) as SimRecord[]).filter((record) => wanted.has(record.id));
    if (records.length === ids.length && done(records)) return records;
    await new Promise((resolve) => setTimeout(resolve, 100));
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
