import type { Call } from '../domain/call';
import type { Logger } from '../platform/logger';
import type { CallObserver } from './flow-ports';

const hangupText = (call: Call): string => (call.status === 'hangup' && call.hangupBy ? ` (${call.hangupBy}, ${call.hangupReason ?? 'unknown'})` : '');

/** One info line per committed call change: the call's life, readable in the log as it happens. */
export const logCallChanges =
  (logger: Logger): CallObserver =>
  async (call) => {
    logger.info(
      { callId: call.id, customerId: call.customerId, status: call.status, direction: call.direction, destination: call.destination.target, hangupBy: call.hangupBy ?? undefined, hangupReason: call.hangupReason ?? undefined },
      `call ${call.id} ${call.status}${hangupText(call)}`,
    );
  };
