import type { CallSignal } from './call-lifecycle';
import type { CallStatus } from './call-status';
import { Q850 } from './hangup';

/** What a channel found at reconciliation says of its call ('gone': no channel, no originate pending). */
export type ReconciledChannel = 'ringing' | 'up' | 'gone' | 'other';

/**
 * The signal that brings a live call in line with its channel after events were missed, or null
 * when the call already is where the channel is: at 10,000 live calls, a reconnect then touches
 * only the calls that changed instead of trying a move on each (docs/architecture.md, reconcile).
 */
export function reconcileSignal(status: CallStatus, channel: ReconciledChannel): CallSignal | null {
  switch (channel) {
    case 'ringing':
      return status === 'dialing' ? { type: 'ringing' } : null;
    case 'up':
      return status === 'dialing' || status === 'ringing' ? { type: 'answered' } : null;
    case 'gone':
      // Its channel ended while nobody listened; the cause was lost with the event.
      return status === 'hangup' ? null : { type: 'channel_destroyed', cause: Q850.NORMAL_CLEARING };
    case 'other':
      return null;
  }
}
