import { flowTrigger } from './flow-trigger';

const call = (over: Partial<Parameters<typeof flowTrigger>[0]>) => ({ status: 'dialing', direction: 'outgoing', earlyExecution: false, flowId: 'f', ...over }) as Parameters<typeof flowTrigger>[0];

test.each([
  ['an outgoing call starts its flow on answer', call({ status: 'progressing' }), 'start'],
  ['not while it dials or rings', call({ status: 'ringing' }), null],
  ['with early_execution as soon as it rings', call({ status: 'ringing', earlyExecution: true }), 'start'],
  ['not yet while an early_execution call dials (no channel to play to yet)', call({ status: 'dialing', earlyExecution: true }), null],
  ['an incoming call at once', call({ status: 'ringing', direction: 'incoming' }), 'start'],
  ['never without a flow', call({ status: 'progressing', flowId: null }), null],
  ['not while it is being hung up', call({ status: 'terminating' }), null],
  ['the hangup ends it', call({ status: 'hangup' }), 'end'],
  ['a call without a flow has none to end', call({ status: 'hangup', flowId: null }), null],
])('%s', (_name, input, expected) => {
  expect(flowTrigger(input)).toBe(expected);
});
