import type { Call } from '../domain/call';
import type { CallRepository } from './call-repository';
import type { CallService } from './call-service';

/**
 * The master's hangup ends its chained calls (the spec's chaining rule, the part connect needs;
 * the general cascade rules are the chaining work's).
 */
export function chainedHangup(calls: CallRepository, callService: CallService) {
  return async (call: Call): Promise<void> => {
    if (call.status !== 'hangup') return;
    const chained = await calls.findChained([call.id], call.customerId);
    for (const leg of chained) {
      if (leg.status !== 'hangup') await callService.signal(leg.id, { type: 'hangup_requested', reason: 'normal' });
    }
  };
}
