import type { CallStatus } from './call-status';
import type { Call } from './call';

/**
 * Master and chained calls (spec "Chaining Behaviors"). A chained call names its master in
 * `master_call_id`; a master's chained calls are the calls that name it, so the two sides cannot
 * disagree.
 */

/** A call may be chained to a master only while the master is dialing, ringing or progressing. */
export const CHAINABLE_MASTER_STATUSES: readonly CallStatus[] = ['dialing', 'ringing', 'progressing'];

export const canChainTo = (masterStatus: CallStatus): boolean => CHAINABLE_MASTER_STATUSES.includes(masterStatus);

/**
 * The master's chained calls end as soon as the master is ending: terminating, canceling or
 * hangup, whichever it reaches first (a remote hangup goes straight to hangup). From then on no
 * call can be chained to it, so one cascade finds every chained call there will ever be.
 */
export const endsChainedCalls = (masterStatus: CallStatus): boolean => !canChainTo(masterStatus);

/** How a chained call ends when its master does: the product hangs it up, reason normal. */
export const CHAINED_HANGUP_REASON = 'normal' as const;

/**
 * The reason a chained call is hung up with when its master ends: normal, except that a leg of
 * a connect's groupcall still ringing is cancelled, as the groupcall's losing legs are.
 */
export const chainedHangupReason = (chained: Pick<Call, 'groupcallId' | 'status'>): typeof CHAINED_HANGUP_REASON | 'cancel' =>
  chained.groupcallId !== null && (chained.status === 'dialing' || chained.status === 'ringing') ? 'cancel' : CHAINED_HANGUP_REASON;

/** The move that starts the cascade: the master's first step out of the chainable statuses. */
export const startsChainHangup = (from: CallStatus, to: CallStatus): boolean => canChainTo(from) && endsChainedCalls(to);
