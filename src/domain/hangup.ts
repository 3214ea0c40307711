import type { CallDirection, CallStatus } from './call-status';

export const HANGUP_REASONS = ['normal', 'failed', 'busy', 'cancel', 'timeout', 'noanswer', 'dialout', 'amd'] as const;
export type HangupReason = (typeof HANGUP_REASONS)[number];
export type HangupBy = 'local' | 'remote';

/** Q.850 causes the product reads from ChannelDestroyed or sends with a hangup. */
export const Q850 = {
  UNKNOWN: 0,
  UNALLOCATED: 1,
  NORMAL_CLEARING: 16,
  USER_BUSY: 17,
  NO_USER_RESPONSE: 18,
  NO_ANSWER: 19,
  CALL_REJECTED: 21,
  ANSWERED_ELSEWHERE: 26,
  CONGESTION: 34,
  /** The product's own, when a call's media server went away (docs/architecture.md). */
  NETWORK_OUT_OF_ORDER: 38,
  /** Not Q.850: VoIPBIN's own codes for "maximum call duration" and "answering machine". */
  MAX_DURATION: 200,
  AMD: 201,
} as const;

export interface HangupFacts {
  direction: CallDirection;
  /** The status the call had when its channel was destroyed. */
  lastStatus: CallStatus;
  cause: number;
  /** The reason the product itself gave when it ended the call (dial timeout …), if it did. */
  requestedReason?: HangupReason | null;
}

export interface HangupOutcome {
  hangupBy: HangupBy;
  hangupReason: HangupReason;
}

/** hangup_by and hangup_reason of a call whose channel is gone (VoIPBIN's documented tables). */
export function hangupOutcome(facts: HangupFacts): HangupOutcome {
  const local = facts.lastStatus === 'terminating' || facts.lastStatus === 'canceling';
  const hangupBy: HangupBy = local ? 'local' : 'remote';
  if (local && facts.requestedReason) return { hangupBy, hangupReason: facts.requestedReason };
  const reason =
    facts.direction === 'outgoing' ? outgoingReason(facts.lastStatus, facts.cause) : incomingReason(facts.lastStatus, facts.cause);
  return { hangupBy, hangupReason: reason };
}

function outgoingReason(lastStatus: CallStatus, cause: number): HangupReason {
  switch (lastStatus) {
    case 'dialing':
    case 'ringing':
      return beforeAnswerReason(cause);
    case 'progressing':
      return cause === Q850.MAX_DURATION ? 'timeout' : 'normal';
    case 'terminating':
      return cause === Q850.AMD ? 'amd' : 'normal';
    case 'canceling':
      return 'cancel';
    case 'hangup':
      return 'normal';
  }
}

function beforeAnswerReason(cause: number): HangupReason {
  switch (cause) {
    case Q850.NO_ANSWER:
    case Q850.CALL_REJECTED:
      return 'noanswer';
    case Q850.USER_BUSY:
      return 'busy';
    case Q850.NORMAL_CLEARING:
    case Q850.ANSWERED_ELSEWHERE:
      return 'normal';
    case Q850.UNKNOWN:
      return 'dialout';
    default:
      return 'failed';
  }
}

function incomingReason(lastStatus: CallStatus, cause: number): HangupReason {
  if (lastStatus === 'dialing' || lastStatus === 'ringing') {
    if (cause === Q850.NO_ANSWER) return 'noanswer';
    if (cause === Q850.USER_BUSY) return 'busy';
    return 'normal';
  }
  if (lastStatus === 'progressing' && cause === Q850.MAX_DURATION) return 'timeout';
  return 'normal';
}

const CAUSE_FOR_REASON: Readonly<Record<HangupReason, number>> = {
  normal: Q850.NORMAL_CLEARING,
  cancel: Q850.NORMAL_CLEARING,
  timeout: Q850.NORMAL_CLEARING,
  failed: Q850.NO_USER_RESPONSE,
  busy: Q850.USER_BUSY,
  noanswer: Q850.NO_ANSWER,
  dialout: Q850.NO_ANSWER,
  amd: Q850.AMD,
};

/** The cause the product sends to the media server when it ends a call for `reason`. */
export const causeForReason = (reason: HangupReason): number => CAUSE_FOR_REASON[reason];
