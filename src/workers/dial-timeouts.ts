import type { Logger } from '../platform/logger';
import { startPeriodicSweep } from '../platform/periodic-sweep';
import type { CallService } from '../services/call-service';

/** Calls ended per statement that finds them; a fuller batch is followed at once by the next. */
const BATCH = 200;

/**
 * The dial timeout of every outgoing call, as one sweep per worker process instead of one
 * delayed job per call: every `everyMs` the calls still dialing or ringing past the deadline
 * their insert stored (`calls.dial_deadline`, the database's clock) get the dial_timeout signal,
 * the conditional move the job made (canceling, reason dialout, call_updated, then the hangup).
 * An answered or ended call is not found; two workers sweeping the same call move it once. It
 * also ends a call whose maker died before its originate was sent (the API inserts, then queues
 * it): nothing else would ever end that call.
 */
export function startDialTimeoutSweep(deps: { callService: Pick<CallService, 'findOverdueDials' | 'dialTimedOut'>; everyMs: number; logger: Logger }) {
  const { callService } = deps;
  return startPeriodicSweep(deps.everyMs, deps.logger, 'dial-timeout sweep failed', async () => {
    for (;;) {
      const overdue = await callService.findOverdueDials(BATCH);
      const results = await Promise.allSettled(overdue.map((call) => callService.dialTimedOut(call)));
      const failed = results.filter((result) => result.status === 'rejected');
      // A call whose move failed is still overdue: the next sweep tries it again.
      if (failed.length) throw (failed[0] as PromiseRejectedResult).reason;
      // A full batch that all moved may have more behind it; anything else waits for the next tick.
      const moved = results.filter((result) => result.status === 'fulfilled' && result.value.status !== 'dialing' && result.value.status !== 'ringing');
      if (overdue.length < BATCH || moved.length < overdue.length) return;
    }
  });
}
