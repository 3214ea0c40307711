import { decide, hangupCauseOf, hangupOfAnswered, MEDIA_SERVER_LOST_DETAIL, statusOnlyMove, type CallFacts, type CallSignal } from './call-lifecycle';
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

  it.each([
    ['outgoing', null],
    ['incoming', null],
    ['outgoing', 'dialout'],
    ['incoming', 'busy'],
  ] as const)('of an answered %s call (earlier request %s) is the one decided without the row', (direction, hangupRequest) => {
    expect(hangupOfAnswered()).toEqual(decide({ status: 'progressing', direction, hangupRequest }, hangup));
    expect(hangupOfAnswered()).toEqual({ to: 'terminating', event: 'call_updated', effects: [{ type: 'hangup_channel', cause: 16 }] });
  });

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
    expect(decide(outgoing(status), signal)).toEqual({ to: 'hangup', event: 'call_hungup', effects: [], outcome: { hangupBy: 'local', hangupReason: 'failed' }, detail: MEDIA_SERVER_LOST_DETAIL });
    expect(hangupCauseOf(signal)).toBe(38);
  });

  it('changes nothing on a call that already hung up', () => {
    expect(decide(outgoing('hangup'), { type: 'media_server_lost' })).toBeNull();
  });
});

describe('an originate that cannot be made after its retries', () => {
  const failed: CallSignal = { type: 'originate_failed', detail: 'The call could not be originated after 5 attempts: connect ECONNREFUSED' };

  it('ends a dialing call at once, local/failed, with the detail and a hangup for a channel that may exist', () => {
    expect(decide(outgoing('dialing'), failed)).toEqual({
      to: 'hangup',
      event: 'call_hungup',
      outcome: { hangupBy: 'local', hangupReason: 'failed' },
      detail: 'The call could not be originated after 5 attempts: connect ECONNREFUSED',
      effects: [{ type: 'hangup_channel', cause: 18 }],
    });
  });

  it.each(['ringing', 'progressing', 'canceling', 'terminating', 'hangup'] as const)('changes nothing on a %s call (its channel exists after all, or it ends by its hangup)', (status) => {
    expect(decide(outgoing(status), failed)).toBeNull();
  });
});

describe('reconciliation finds the channel gone', () => {
  it.each([
    ['dialing', 'remote', 'failed'],
    ['ringing', 'remote', 'noanswer'],
    ['progressing', 'remote', 'normal'],
    ['canceling', 'local', 'cancel'],
    ['terminating', 'local', 'normal'],
  ] as const)('ends a %s call %s/%s, marked reconciled', (status, hangupBy, hangupReason) => {
    const decision = decide(outgoing(status), { type: 'channel_lost' });
    expect(decision).toMatchObject({ to: 'hangup', event: 'call_hungup', outcome: { hangupBy, hangupReason }, reconciled: true, effects: [] });
    expect(decision?.detail).toContain(`last known status: ${status}`);
  });

  it('never ends a call that was not answered as normal, in either direction', () => {
    for (const facts of [outgoing('dialing'), outgoing('ringing'), incoming('ringing')]) {
      expect(decide(facts, { type: 'channel_lost' })?.outcome?.hangupReason).not.toBe('normal');
    }
  });

  it('keeps the reason the product asked for', () => {
    expect(decide(outgoing('canceling', 'dialout'), { type: 'channel_lost' })?.outcome).toEqual({ hangupBy: 'local', hangupReason: 'dialout' });
  });

  it('is ignored for a call that already hung up', () => {
    expect(decide(outgoing('hangup'), { type: 'channel_lost' })).toBeNull();
  });
});
