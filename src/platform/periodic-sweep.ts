import type { Logger } from './logger';
import { repeatedFailure } from './repeated-failure';

/**
 * Runs `sweep` every `everyMs`, never two at once (a slow one makes the next tick wait for it);
 * one that keeps failing says so once until it works again. `stop` waits for the one running.
 */
export function startPeriodicSweep(everyMs: number, logger: Logger, failureMessage: string, sweep: () => Promise<void>) {
  let running: Promise<void> | null = null;
  const failure = repeatedFailure(logger, failureMessage);
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .then(failure.succeeded, failure.failed)
      .finally(() => (running = null));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
