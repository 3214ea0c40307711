import { groupcallReactionsTo, reactionJobId, reactionsTo, transferReactionsTo, type CallChange } from './reactions';

const call = (over: Partial<CallChange['call']> = {}): CallChange['call'] => ({
  status: 'progressing',
  direction: 'outgoing',
  earlyExecution: false,
  flowId: 'f',
  masterCallId: null,
  groupcallId: null,
  chainedCallIds: [],
  ...over,
});

describe('reactionsTo', () => {
  it.each<[string, Partial<CallChange['call']>, string[]]>([
    ['call_answered', {}, ['flow-start']],
    ['call_updated', {}, []],
    ['call_ringing', { status: 'ringing' }, []],
    ['call_ringing', { status: 'ringing', earlyExecution: true }, ['flow-start']],
    ['call_created', { status: 'ringing', direction: 'incoming' }, ['flow-start']],
    ['call_answered', { direction: 'incoming' }, ['answer-wait']],
    ['call_hungup', { status: 'hangup' }, ['flow-end']],
    ['call_answered', { flowId: null }, []],
    ['call_hungup', { status: 'hangup', flowId: null }, []],
    ['call_answered', { flowId: null, masterCallId: 'm' }, ['connect-leg', 'transfer-input']],
    ['call_hungup', { status: 'hangup', flowId: null, masterCallId: 'm' }, ['connect-leg', 'transfer-input']],
    ['call_ringing', { status: 'ringing', flowId: null, masterCallId: 'm' }, ['transfer-input']],
    ['call_hungup', { status: 'hangup', flowId: null, chainedCallIds: ['l'] }, ['chain-cascade', 'transfer-input']],
    ['call_created', { status: 'dialing', flowId: null, masterCallId: 'm' }, ['chain-cascade']],
    ['call_updated', { status: 'terminating', flowId: null, chainedCallIds: ['l'] }, ['chain-cascade']],
    ['call_updated', { status: 'progressing', flowId: null, chainedCallIds: ['l'] }, []],
    ['call_updated', { status: 'terminating', flowId: null }, []],
    // A groupcall's leg: no flow of its own on the answer (the winner's starts once it won).
    ['call_answered', { groupcallId: 'g' }, ['groupcall-answer']],
    ['call_hungup', { status: 'hangup', groupcallId: 'g' }, ['groupcall-leg-end', 'flow-end']],
    ['call_created', { status: 'dialing', groupcallId: 'g' }, []],
    // Route failover: the call moved on to its next attempt (still dialing): dial it.
    ['call_updated', { status: 'dialing', attempts: [{}, {}] }, ['failover-dial']],
    ['call_updated', { status: 'dialing', attempts: [{}] }, []],
    ['call_updated', { status: 'canceling', attempts: [{}, {}] }, []],
    ['call_updated', { status: 'dialing', direction: 'incoming', attempts: [{}, {}] }, []],
  ])('%s of %j → %j', (type, over, expected) => {
    expect(reactionsTo({ type, call: call(over) })).toEqual(expected);
  });

  it('reacts to every transfer event but ringing with its effects', () => {
    expect(transferReactionsTo('transfer_created')).toEqual(['transfer-effects']);
    expect(transferReactionsTo('transfer_failed')).toEqual(['transfer-effects']);
    expect(transferReactionsTo('transfer_ringing')).toEqual([]);
  });

  it('keys a reaction by resource and sequence (BullMQ ids take no colon)', () => {
    expect(reactionJobId('flow-start', 'abc', 3)).toBe('reaction_flow-start_abc_3');
  });
});

describe('groupcallReactionsTo', () => {
  it.each<[string, string | null, string | null, string[]]>([
    ['groupcall_hangup', 'master', null, ['groupcall-end']], // a nested groupcall ended: its master moves on
    ['groupcall_hangup', null, 'call', ['groupcall-end']], // a connect's groupcall ended: the connect moves on
    ['groupcall_hangup', null, null, []],
    ['groupcall_progressing', 'master', null, []],
    ['groupcall_created', null, 'call', []],
  ])('%s (master groupcall %s, master call %s) → %j', (type, masterGroupcallId, masterCallId, expected) => {
    expect(groupcallReactionsTo(type, { masterGroupcallId, masterCallId })).toEqual(expected);
  });
});
