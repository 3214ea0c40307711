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
