import type { ReactionName } from '../../src/domain/reactions';
import type { RunningSimulator } from '../../src/telephony/simulator';
import { startStandaloneSimulator } from './sim';
import { startTestApp, type TestApp } from './test-app';
import { spawnWorker, workerEnv, type WorkerProcess } from './worker-process';

export interface HeldReaction {
  /** Resolves once the held worker holds the job of its reaction for `resourceId` (and fails if it holds another's). */
  held(resourceId: string): Promise<void>;
  /** SIGKILLs the held worker and starts a plain one, which takes the orphaned job over once its lock runs out. */
  crash(): Promise<void>;
}

/**
 * The product for a test that a durable reaction survives a crash: the API in this process, a
 * standalone simulator, and the workers as real processes. `holdReaction(name)` starts a worker
 * that holds that reaction's jobs before their handler (TEST_HOOK_HOLD_REACTION), so the test can
 * look at the state between the commit and its reaction, then kill the worker there. Were the
 * reaction not a durable job (run in the process after the commit, or lost with it), the
 * replacement worker would never do it and the test's wait for its effect would fail.
 */
export function reactionKillKit() {
  // Two worker processes start (each compiles the sources on the fly): slow on a busy machine.
  jest.setTimeout(120_000);
  const state: { t?: TestApp; sim?: RunningSimulator } = {};
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    const t = await startTestApp({}, 'api');
    state.sim = await startStandaloneSimulator(t.config);
    // The far ends the helpers look at (farEnd, simChannel) are the standalone simulator's.
    state.t = { ...t, simUrl: state.sim.url };
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await state.t?.stop();
    await state.sim?.close();
  });

  const app = (): TestApp => state.t as TestApp;
  const sim = (): RunningSimulator => state.sim as RunningSimulator;

  const startWorker = (env: Record<string, string> = {}): WorkerProcess => {
    // A killed worker's reaction job goes to another one a second later.
    const worker = spawnWorker(workerEnv(app().config, sim().url, { REACTION_LOCK_MS: '1000', LOG_LEVEL: 'silent', ...env }));
    workers.push(worker);
    return worker;
  };

  function holdReaction(reaction: ReactionName): HeldReaction {
    const worker = startWorker({ TEST_HOOK_HOLD_REACTION: reaction });
    const line = worker.line(/^reaction held /);
    return {
      async held(resourceId) {
        expect(await line).toContain(`reaction_${reaction}_${resourceId}_`);
      },
      async crash() {
        await worker.kill('SIGKILL');
        startWorker();
      },
    };
  }

  return { app, sim, holdReaction };
}
