import { Client as PgClient } from 'pg';
import { benchDeployment, startProcess } from './processes';
import { percentile, runPool } from './stats';

/**
 * Route failover: from an attempt's failure to the next attempt's start, measured at the
 * simulator (the failed channel's destroyed_at → the next channel's created_at), through the
 * whole product deployed as three processes (API, worker, simulator). Every call's first provider
 * is congested, the second answers. The path measured: ChannelDestroyed → the media event
 * consumer → the failover statement (attempt closed, next opened, call_updated) → the outbox
 * dispatcher → the failover-dial reaction job → channels/create.
 */
const TOTAL = Number(process.env.BENCH_CALLS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/opencall_bench';
const SOURCE_NUMBER = '+15551230000';

async function main(): Promise<void> {
  const { schema, token, apiPort, simPort, env } = benchDeployment(DATABASE_URL);
  const simulator = await startProcess('../src/telephony/simulator/main.js', env, `http://127.0.0.1:${simPort}/ari/asterisk/ping`);
  const worker = await startProcess('worker', { ...env, ARI_URL: `http://127.0.0.1:${simPort}`, WORKER_PORT: '0' }, null);
  const api = await startProcess('api', env, `http://127.0.0.1:${apiPort}/health`);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  const simUrl = `http://127.0.0.1:${simPort}`;
  try {
    await api$(baseUrl, token, 'POST', '/numbers', { number: SOURCE_NUMBER });
    const congested = (await api$(baseUrl, token, 'POST', '/providers', { name: 'congested', endpoint: 'PJSIP/{target}@bench-congested' })).id as string;
    const working = (await api$(baseUrl, token, 'POST', '/providers', { name: 'working', endpoint: 'PJSIP/{target}@bench-working' })).id as string;
    await api$(baseUrl, token, 'POST', '/routes', { provider_id: congested, priority: 1, target: '1777' });
    await api$(baseUrl, token, 'POST', '/routes', { provider_id: working, priority: 2, target: '1777' });
    await sim(simUrl, 'POST', '/sim/far-ends', { endpoint: 'PJSIP/{target}@bench-congested', dial_status: 'CONGESTION' });

    const gaps: number[] = [];
    const started = performance.now();
    await runPool(TOTAL, CONCURRENCY, async (index) => {
      const created = await api$(baseUrl, token, 'POST', '/calls', { source: { type: 'tel', target: SOURCE_NUMBER }, destinations: [{ type: 'tel', target: `+1777555${String(index).padStart(4, '0')}` }] });
      const callId = (created.calls as { id: string }[])[0]!.id;
      const next = await until(() => sim(simUrl, 'GET', `/sim/channels/${callId}-2`));
      const failed = await until(() => sim(simUrl, 'GET', `/sim/channels/${callId}`));
      gaps.push(Date.parse(next.created_at as string) - Date.parse(failed.destroyed_at as string));
      await api$(baseUrl, token, 'POST', `/calls/${callId}/hangup`);
    });
    const elapsed = (performance.now() - started) / 1000;
    console.log(
      JSON.stringify(
        { calls: TOTAL, concurrency: CONCURRENCY, callsPerSecond: round(TOTAL / elapsed), failureToNextAttemptMs: { p50: percentile(gaps, 50), p99: percentile(gaps, 99), max: Math.max(...gaps) } },
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

/** Polls until the simulator knows the channel (every 50 ms, up to 30 s: the times are the simulator's, polling only waits for them). */
async function until(probe: () => Promise<Record<string, unknown> | null>): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the next attempt never started');
}

async function api$(baseUrl: string, token: string, method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/v1.0${route}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function sim(simUrl: string, method: string, route: string, body?: unknown): Promise<Record<string, unknown> | null> {
  const response = await fetch(`${simUrl}${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 404) return null;
  const text = await response.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}


const round = (value: number) => Math.round(value * 10) / 10;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
