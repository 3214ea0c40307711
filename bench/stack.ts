import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const round = (value: number) => Math.round(value * 10) / 10;

/** Starts `node dist/src/main.js <role>` (or another script) and waits until `readyUrl` answers. */
export async function startProcess(role: string, env: NodeJS.ProcessEnv, readyUrl: string | null) {
  const nodeArgs = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []; // e.g. --cpu-prof
  const args = role.endsWith('.js') ? [path.resolve(__dirname, role)] : [path.resolve(__dirname, '../src/main.js'), role];
  const child = spawn(process.execPath, [...nodeArgs, ...args], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  process.once('exit', () => child.kill('SIGKILL')); // never leave a process behind a failed run
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid === undefined) return;
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // the process is gone
    }
  }, 100);
  for (let attempt = 0; readyUrl !== null; attempt++) {
    if (child.exitCode !== null) throw new Error(`${role} process exited with ${child.exitCode}`);
    const ready = await fetch(readyUrl, { headers: { authorization: `Basic ${Buffer.from('opencall:opencall').toString('base64')}` } }).then((r) => r.ok, () => false);
    if (ready) break;
    if (attempt > 300) throw new Error(`${role} process did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    peakRssMb: () => round(peak),
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(sampler);
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

