import { decide, type CallFacts } from './call-lifecycle';
import { attemptChannelId, failsOver, type CallAttempt, type FailoverFacts } from './failover';

const dialing: FailoverFacts = { direction: 'outgoing', status: 'dialing', hangupRequest: null, attemptsMade: 1, plannedProviders: 3 };

describe('which failed attempts fail over', () => {
  it.each([34, 38, 41, 42, 27, 3, 1, 18, 20, 102])('cause %i (reason failed) is retried on the next provider', (cause) => {
    expect(failsOver(dialing, cause)).toBe(true);
  });

  it.each([
    [16, 'normal'],
    [17, 'busy'],
    [19, 'noanswer'],
    [21, 'declined (noanswer)'],
    [26, 'answered elsewhere (normal)'],
    [0, 'unknown (dialout)'],
  ])('cause %i (%s) never fails over', (cause) => {
    expect(failsOver(dialing, cause)).toBe(false);
  });

  it('not once the call rang (so not once an early_execution flow started), nor after the answer', () => {
    expect(failsOver({ ...dialing, status: 'ringing' }, 34)).toBe(false);
    expect(failsOver({ ...dialing, status: 'progressing' }, 34)).toBe(false);
  });

  it('not an incoming call, nor one whose end was asked for, nor past the last provider', () => {
    expect(failsOver({ ...dialing, direction: 'incoming' }, 34)).toBe(false);
    expect(failsOver({ ...dialing, status: 'canceling', hangupRequest: 'dialout' }, 34)).toBe(false);
    expect(failsOver({ ...dialing, hangupRequest: 'cancel' }, 34)).toBe(false);
    expect(failsOver({ ...dialing, attemptsMade: 3 }, 34)).toBe(false);
    expect(failsOver({ ...dialing, attemptsMade: 1, plannedProviders: 0 }, 34)).toBe(false);
  });

  it('names each attempt\'s channel after the call', () => {
    expect(attemptChannelId('c', 1)).toBe('c');
    expect(attemptChannelId('c', 2)).toBe('c-2');
  });
});

describe('the lifecycle with a route plan', () => {
  const attempt = { providerId: 'a', providerName: 'a', channelId: 'c', tmStart: new Date(), tmEnd: null, cause: null, hangupReason: null } satisfies CallAttempt;
  const planned = (n: number) => Array.from({ length: n }, (_, i) => ({ providerId: `p${i}`, providerName: `p${i}`, endpoint: 'PJSIP/{target}@p', techHeaders: {}, codecs: '' }));
  const call = (over: Partial<CallFacts> = {}): CallFacts => ({ status: 'dialing', direction: 'outgoing', hangupRequest: null, attempts: [attempt], routePlan: planned(2), ...over });

  it('keeps a dialing call whose attempt failed and a provider is left, to try it', () => {
    expect(decide(call(), { type: 'channel_destroyed', cause: 34 })).toEqual({ failover: { cause: 34 }, effects: [] });
  });

  it('ends the call on the last provider with the table\'s reason', () => {
    expect(decide(call({ attempts: [attempt, attempt] }), { type: 'channel_destroyed', cause: 38 })).toMatchObject({ to: 'hangup', outcome: { hangupBy: 'remote', hangupReason: 'failed' } });
  });

  it('ends a call without attempts (not an outgoing tel call) as before', () => {
    expect(decide(call({ attempts: [] }), { type: 'channel_destroyed', cause: 34 })).toMatchObject({ to: 'hangup' });
  });
});
