/** A call's status; it only moves forward along TRANSITIONS, and never to itself. */
export const CALL_STATUSES = ['dialing', 'ringing', 'progressing', 'terminating', 'canceling', 'hangup'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const TRANSITIONS: Readonly<Record<CallStatus, readonly CallStatus[]>> = {
  dialing: ['ringing', 'progressing', 'terminating', 'canceling', 'hangup'],
  ringing: ['progressing', 'terminating', 'canceling', 'hangup'],
  progressing: ['terminating', 'hangup'],
  terminating: ['hangup'],
  canceling: ['hangup'],
  hangup: [],
};

export const canTransition = (from: CallStatus, to: CallStatus): boolean => TRANSITIONS[from].includes(to);

/** The statuses a call may be in for a move to `to`: the WHERE clause of the conditional update. */
export const predecessorsOf = (to: CallStatus): CallStatus[] =>
  CALL_STATUSES.filter((from) => canTransition(from, to));

export type CallDirection = 'incoming' | 'outgoing';
