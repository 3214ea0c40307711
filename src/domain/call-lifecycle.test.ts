import { decide, hangupCauseOf, statusOnlyMove, type CallFacts, type CallSignal } from './call-lifecycle';
import type { CallStatus } from './call-status';
import { AppError } from './errors';

const outgoing = (status: CallStatus, hangupRequest: CallFacts['hangupRequest'] = null): CallFacts => ({ status, direction: 'outgoing', hangupRequest });
const incoming = (status: CallStatus): CallFacts => ({ status, direction: 'incoming', hangupRequest: null });

describe('media signals move a call forward only', () => {
  it.each([
    ['dialing', 'ringing', 'ringing', 'call_ringing'],
    ['dialing', 'answered', 'progressing', 'call_answered'],
    ['ringing', 'answered', 'progressing', 'call_answered'],
  ] as const)('%s + %s → %s (%s)', (status, type, to, event) => {
    expect(decide(outgoing(status), { type })).toEqual({ to, event, effects: [] });
  });

  it.each([
    ['ringing', 'ringing'],
    ['progressing', 'ringing'],
    ['progressing', 'answered'],
    ['terminating', 'answered'],
    ['canceling', 'ringing'],
    ['hangup', 'answered'],
  ] as const)('%s ignores a late or repeated %s', (status, type) => {
    expect(decide(outgoing(status), { type })).toBeNull();
  });

  it('names the moves that need no read first', () => {
    expect(statusOnlyMove({ type: 'ringing' })).toEqual({ to: 'ringing', event: 'call_ringing' });
    expect(statusOnlyMove({ type: 'answered' })).toEqual({ to: 'progressing', event: 'call_answered' });
    expect(statusOnlyMove({ type: 'channel_destroyed', cause: 16 })).toBeNull();
  });
});

describe('a hangup asked for by the API or a flow', () => {
  const hangup: CallSignal = { type: 'hangup_requested' };

  it.each(['dialing', 'ringing'] as const)('cancels an outgoing %s call with cause 16', (status) => {
    expect(decide(outgoing(status), hangup)).toEqual({ to: 'canceling', event: 'call_updated', effects: [{ type: 'hangup_channel', cause: 16 }] });
  });

  it.each(['dialing', 'ringing'] as const)('terminates (rejects) an incoming %s call', (status) => {
    expect(decide(incoming(status), hangup)?.to).toBe('terminating');
  });

  it('terminates an answered call with cause 16', () => {
    expect(decide(outgoing('progressing'), hangup)).toEqual({ to: 'terminating', event: 'call_updated', effects: [{ type: 'hangup_channel', cause: 16 }] });
  });

  it.each(['terminating', 'canceling'] as const)('repeats the channel hangup of a %s call without moving it', (status) => {
    const decision = decide(outgoing(status), hangup);
    expect(decision?.to).toBeUndefined();
    expect(decision?.effects).toEqual([{ type: 'hangup_channel', cause: 16 }]);
  });

  it('refuses a call that has already hung up', () => {
    expect(() => decide(outgoing('hangup'), hangup)).toThrow(AppError);
    try {
      decide(outgoing('hangup'), hangup);
    } catch (error) {
      expect((error as AppError).code).toBe('CALL_ALREADY_HUNGUP');
    }
  });

  it('records a reason the product chose, and sends its cause', () => {
    expect(decide(outgoing('ringing'), { type: 'hangup_requested', reason: 'busy' })).toMatchObject({ hangupRequest: 'busy', effects: [{ cause: 17 }] });
  });
});

describe('the dial timeout', () => {
  it.each(['dialing', 'ringing'] as const)('ends an unanswered (%s) call as dialout with cause 19', (status) => {
    expect(decide(outgoing(status), { type: 'dial_timeout' })).toEqual({
      to: 'canceling',
      event: 'call_updated',
      hangupRequest: 'dialout',
      effects: [{ type: 'hangup_channel', cause: 19 }],
    });
  });

  it.each(['progressing', 'terminating', 'canceling', 'hangup'] as const)('does nothing to a %s call', (status) => {
    expect(decide(outgoing(status), { type: 'dial_timeout' })).toBeNull();
  });
});

describe('the channel is destroyed', () => {
  it.each([
    [outgoing('canceling'), 16, 'local', 'cancel'],
    [outgoing('canceling', 'dialout'), 19, 'local', 'dialout'],
    [outgoing('ringing'), 17, 'remote', 'busy'],
    [outgoing('dialing'), 34, 'remote', 'failed'],
    [outgoing('progressing'), 16, 'remote', 'normal'],
    [outgoing('terminating'), 16, 'local', 'normal'],
  ] as const)('%o with cause %i → hangup %s/%s', (call, cause, hangupBy, hangupReason) => {
    expect(decide(call, { type: 'channel_destroyed', cause })).toEqual({
      to: 'hangup',
      event: 'call_hungup',
      effects: [],
      outcome: { hangupBy, hangupReason },
    });
  });

  it('is ignored for a call that already hung up', () => {
    expect(decide(outgoing('hangup'), { type: 'channel_destroyed', cause: 16 })).toBeNull();
  });
});

describe('the media server went away', () => {
  it.each(['dialing', 'ringing', 'progressing', 'terminating', 'canceling'] as const)('%s → hangup local/failed, cause 38', (status) => {
    const signal = { type: 'media_server_lost' } as const;
    expect(decide(outgoing(status), signal)).toEqual({ to: 'hangup', event: 'call_hungup', effects: [], outcome: { hangupBy: 'local', hangupReason: 'failed' } });
    expect(hangupCauseOf(signal)).toBe(38);
  });

  it('changes nothing on a call that already hung up', () => {
    expect(decide(outgoing('hangup'), { type: 'media_server_lost' })).toBeNull();
  });
});
