import type { Call } from '../domain/call';
import type { Logger } from '../platform/logger';
import type { CallObserver } from './flow-ports';

/**
 * The observers of committed call changes, filled in by the composition root after the services
 * that observe exist. An observer's failure is logged, never the change's failure.
 */
export function createCallObservers(logger: Logger) {
  const observers: CallObserver[] = [];
  return {
    add(observer: CallObserver): void {
      observers.push(observer);
    },
    async notify(call: Call): Promise<void> {
      for (const observer of observers) {
        await observer(call).catch((error: unknown) => logger.error({ err: error, callId: call.id }, 'a call observer failed'));
      }
    },
  };
}

export type CallObservers = ReturnType<typeof createCallObservers>;
