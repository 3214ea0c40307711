import type { CallDirection, CallStatus } from './call-status';
import { hangupOutcome, type HangupReason } from './hangup';

/** One try of an outgoing tel call through one provider (the call keeps them all, oldest first). */
export interface CallAttempt {
  /** null: the single default provider (ARI_ENDPOINT_TEL), no route matched. */
  providerId: string | null;
  providerName: string;
  /** The media server's channel of this attempt: the call id for the first, `<call id>-<n>` after. */
  channelId: string;
  tmStart: Date;
  tmEnd: Date | null;
  /** The Q.850 cause its channel ended with; null while it is up. */
  cause: number | null;
  hangupReason: HangupReason | null;
}

export interface FailoverFacts {
  direction: CallDirection;
  status: CallStatus;
  /** A hangup the product or the client asked for (cancel, dial timeout …): never retried. */
  hangupRequest: HangupReason | null;
  /** Attempts made so far, the failed one included. */
  attemptsMade: number;
  /** Providers the call's route lists. */
  plannedProviders: number;
}

/** The channel of the `n`-th attempt (1-based): the call id itself for the first. */
export const attemptChannelId = (callId: string, n: number): string => (n <= 1 ? callId : `${callId}-${n}`);

/**
 * Whether the attempt whose channel just ended with `cause` is retried on the next provider, on
 * the same call. Only an outgoing call still dialing (it never rang, so no flow started, not
 * even with early_execution) whose end nobody asked for, that failed with a cause that means
 * "failed" (34 congestion, 38 network out of order, 41, 42, 27, 3 … every cause the hangup
 * table does not read as busy, no answer, normal or unknown), and that has a provider left.
 * Busy (17), no answer (19, 18 is "failed"), rejected (21), normal (16), answered elsewhere (26)
 * and unknown (0) never fail over: another route would not change them.
 */
export function failsOver(facts: FailoverFacts, cause: number): boolean {
  if (facts.direction !== 'outgoing' || facts.status !== 'dialing' || facts.hangupRequest) return false;
  if (facts.attemptsMade >= facts.plannedProviders) return false;
  return hangupOutcome({ direction: 'outgoing', lastStatus: 'dialing', cause }).hangupReason === 'failed';
}
