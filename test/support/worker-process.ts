import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Config } from '../../src/config';

const ROOT = path.resolve(__dirname, '../..');

export interface WorkerProcess {
  child: ChildProcess;
  /** Resolves when the process has ended (whatever the reason). */
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<void>;
  /** Resolves with the first line of the process's stdout that matches (one already written, or the next). */
  line(pattern: RegExp): Promise<string>;
  /** Every line the process wrote to stdout so far. */
  lines: string[];
}

/** A worker's environment: the test app's database schema and Redis prefix, on the media server at `ariUrl`. */
export const workerEnv = (config: Config, ariUrl: string, env: Record<string, string> = {}): Record<string, string> => ({
  DATABASE_URL: config.databaseUrl,
  DATABASE_SCHEMA: config.databaseSchema,
  REDIS_URL: config.redisUrl,
  REDIS_PREFIX: config.redisPrefix,
  ARI_URL: ariUrl,
  WORKER_PORT: '0', // several workers of one test, or of parallel tests, each on a port of its own
  ...env,
});

/** `src/main.ts worker` in a process of its own, with the test app's database schema and Redis prefix. */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['-r', path.join(__dirname, 'swc-register.js'), path.join(ROOT, 'src/main.ts'), 'worker'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const complete = output.split('\n');
    output = complete.pop() ?? '';
    lines.push(...complete);
    for (const text of complete) {
      if (process.env.TEST_LOG_LEVEL) process.stdout.write(`${text}\n`);
      for (const waiter of waiters.filter((w) => w.pattern.test(text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(text);
      }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    lines,
    line(pattern) {
      const seen = lines.find((text) => pattern.test(text));
      return seen !== undefined ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ pattern, resolve }));
    },
  };
}
