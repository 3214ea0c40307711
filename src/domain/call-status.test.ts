import { CALL_STATUSES, canTransition, predecessorsOf, type CallStatus } from './call-status';

/** VoIPBIN’s documented transition table, written out: forward only, never to itself. */
const ALLOWED: Record<CallStatus, CallStatus[]> = {
  dialing: ['ringing', 'progressing', 'terminating', 'canceling', 'hangup'],
  ringing: ['progressing', 'terminating', 'canceling', 'hangup'],
  progressing: ['terminating', 'hangup'],
  terminating: ['hangup'],
  canceling: ['hangup'],
  hangup: [],
};

const pairs = CALL_STATUSES.flatMap((from) => CALL_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

describe('call status transitions', () => {
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each(CALL_STATUSES)('%s can be reached only from the statuses that list it', (to) => {
    const expected = CALL_STATUSES.filter((from) => ALLOWED[from].includes(to));
    expect(predecessorsOf(to)).toEqual(expected);
  });
});
