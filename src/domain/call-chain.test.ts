import { CALL_STATUSES } from './call-status';
import { canChainTo, chainedHangupReason, endsChainedCalls, startsChainHangup } from './call-chain';

describe('call chaining rules', () => {
  it("cancels a connect groupcall's ringing legs when the master ends; anything else ends normal", () => {
    expect(chainedHangupReason({ groupcallId: 'g', status: 'ringing' })).toBe('cancel');
    expect(chainedHangupReason({ groupcallId: 'g', status: 'dialing' })).toBe('cancel');
    expect(chainedHangupReason({ groupcallId: 'g', status: 'progressing' })).toBe('normal');
    expect(chainedHangupReason({ groupcallId: null, status: 'ringing' })).toBe('normal');
  });

  it('accepts chained calls only while the master is dialing, ringing or progressing', () => {
    expect(CALL_STATUSES.filter(canChainTo)).toEqual(['dialing', 'ringing', 'progressing']);
  });

  it('ends the chained calls once the master is ending, whichever way it ends', () => {
    expect(CALL_STATUSES.filter(endsChainedCalls)).toEqual(['terminating', 'canceling', 'hangup']);
  });

  it('starts the cascade on the master’s first move out of the chainable statuses only', () => {
    expect(startsChainHangup('progressing', 'terminating')).toBe(true);
    expect(startsChainHangup('ringing', 'canceling')).toBe(true);
    expect(startsChainHangup('progressing', 'hangup')).toBe(true);
    expect(startsChainHangup('dialing', 'hangup')).toBe(true);
    expect(startsChainHangup('terminating', 'hangup')).toBe(false);
    expect(startsChainHangup('canceling', 'hangup')).toBe(false);
    expect(startsChainHangup('ringing', 'progressing')).toBe(false);
  });
});
