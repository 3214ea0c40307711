import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchProcess {
  pid: number;
  /** The resident set size now, in KB (0 once the process is gone). */
  rssKb(): number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** The resident set of a process in KB, from /proc (0 when it is gone). */
export function rssKbOf(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Starts `node dist/src/main.js <role>` (or a script beside it) and waits until `readyUrl` answers: every bench starts its processes so. */
export async function startProcess(role: string, env: NodeJS.ProcessEnv, readyUrl: string | null): Promise<BenchProcess> {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof
  const args = role.endsWith('.js') ? [path.resolve(__dirname, role)] : [path.resolve(__dirname, '../src/main.js'), role];
  const child = spawn(process.execPath, [...nodeArgs, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  process.once('exit', () => child.kill('SIGKILL')); // never leave a process behind a failed run
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKbOf(child.pid))), 200);
  for (let attempt = 0; readyUrl !== null; attempt++) {
    if (child.exitCode !== null) throw new Error(`${role} process exited with ${child.exitCode}`);
    const ready = await fetch(readyUrl, { headers: { authorization: `Basic ${Buffer.from('opencall:opencall').toString('base64')}` } }).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 300) throw new Error(`${role} process did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    rssKb: () => rssKbOf(child.pid),
    peakRssMb: () => Math.round(peak / 102.4) / 10,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sampler);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A deployment of its own for one bench run: a fresh schema and Redis prefix, free-ish ports, the
 * bootstrap key as the token, and a simulator with short timings.
 */
export function benchDeployment(databaseUrl: string) {
  const id = randomBytes(4).toString('hex');
  const schema = `bench_${id}`;
  const token = `bench-${id}`;
  const apiPort = 3950 + Math.floor(Math.random() * 40);
  const simPort = apiPort + 100;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
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
  return { id, schema, token, apiPort, simPort, env };
}
