import type { CallDirection, CallStatus } from './call-status';
import { causeForReason, hangupOutcome, type HangupReason } from './hangup';

type Row = [CallDirection, CallStatus, number, 'local' | 'remote', HangupReason];

/** VoIPBIN’s documented hangup_reason tables, row by row, with "any other" sampled. */
const OUTGOING: Row[] = [
  ['outgoing', 'dialing', 19, 'remote', 'noanswer'],
  ['outgoing', 'ringing', 19, 'remote', 'noanswer'],
  ['outgoing', 'dialing', 21, 'remote', 'noanswer'],
  ['outgoing', 'ringing', 21, 'remote', 'noanswer'],
  ['outgoing', 'dialing', 17, 'remote', 'busy'],
  ['outgoing', 'ringing', 17, 'remote', 'busy'],
  ['outgoing', 'dialing', 16, 'remote', 'normal'],
  ['outgoing', 'ringing', 26, 'remote', 'normal'],
  ['outgoing', 'dialing', 0, 'remote', 'dialout'],
  ['outgoing', 'ringing', 0, 'remote', 'dialout'],
  ['outgoing', 'dialing', 1, 'remote', 'failed'],
  ['outgoing', 'ringing', 34, 'remote', 'failed'],
  ['outgoing', 'dialing', 18, 'remote', 'failed'],
  ['outgoing', 'progressing', 200, 'remote', 'timeout'],
  ['outgoing', 'progressing', 16, 'remote', 'normal'],
  ['outgoing', 'progressing', 17, 'remote', 'normal'],
  ['outgoing', 'terminating', 201, 'local', 'amd'],
  ['outgoing', 'terminating', 16, 'local', 'normal'],
  ['outgoing', 'canceling', 16, 'local', 'cancel'],
  ['outgoing', 'canceling', 19, 'local', 'cancel'],
];

const INCOMING: Row[] = [
  ['incoming', 'dialing', 19, 'remote', 'noanswer'],
  ['incoming', 'ringing', 19, 'remote', 'noanswer'],
  ['incoming', 'ringing', 17, 'remote', 'busy'],
  ['incoming', 'dialing', 16, 'remote', 'normal'],
  ['incoming', 'ringing', 34, 'remote', 'normal'],
  ['incoming', 'progressing', 200, 'remote', 'timeout'],
  ['incoming', 'progressing', 16, 'remote', 'normal'],
  ['incoming', 'terminating', 16, 'local', 'normal'],
  ['incoming', 'terminating', 201, 'local', 'normal'],
];

describe('hangup_by and hangup_reason from the destroyed channel', () => {
  it.each([...OUTGOING, ...INCOMING])('%s call, last %s, cause %i → %s/%s', (direction, lastStatus, cause, hangupBy, hangupReason) => {
    expect(hangupOutcome({ direction, lastStatus, cause })).toEqual({ hangupBy, hangupReason });
  });

  it('keeps the reason the product gave when it hung the call up itself (dial timeout)', () => {
    expect(hangupOutcome({ direction: 'outgoing', lastStatus: 'canceling', cause: 19, requestedReason: 'dialout' })).toEqual({ hangupBy: 'local', hangupReason: 'dialout' });
  });

  it('ignores a requested reason when the far end hung up first', () => {
    expect(hangupOutcome({ direction: 'outgoing', lastStatus: 'progressing', cause: 16, requestedReason: 'dialout' })).toEqual({ hangupBy: 'remote', hangupReason: 'normal' });
  });
});

describe('the cause sent when the product hangs up', () => {
  it.each([
    ['normal', 16],
    ['cancel', 16],
    ['timeout', 16],
    ['failed', 18],
    ['busy', 17],
    ['noanswer', 19],
    ['dialout', 19],
    ['amd', 201],
  ] as const)('%s → %i', (reason, cause) => {
    expect(causeForReason(reason)).toBe(cause);
  });
});
