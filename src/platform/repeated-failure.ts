import type { Logger } from './logger';

/**
 * A loop that fails on every turn while a dependency is away (a poll, a sweep) says so once at
 * warn, then at debug until it succeeds again; the outage log tells the outage's start and end.
 */
export function repeatedFailure(logger: Logger, message: string) {
  let failing = false;
  return {
    failed(error: unknown): void {
      if (failing) logger.debug({ err: error }, message);
      else logger.warn({ err: error }, `${message} (said once until it works again)`);
      failing = true;
    },
    succeeded(): void {
      failing = false;
    },
  };
}
