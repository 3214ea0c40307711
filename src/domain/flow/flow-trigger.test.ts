import { flowTrigger } from './flow-trigger';

const call = (over: Partial<Parameters<typeof flowTrigger>[0]>) => ({ status: 'dialing', direction: 'outgoing', earlyExecution: false, flowId: 'f', ...over }) as Parameters<typeof flowTrigger>[0];

test.each([
  ['an outgoing call starts its flow on answer', call({ status: 'progressing' }), 'start'],
  ['not while it dials or rings', call({ status: 'ringing' }), null],
  ['at once with early_execution', call({ status: 'dialing', earlyExecution: true }), 'start'],
  ['an incoming call at once', call({ status: 'ringing', direction: 'incoming' }), 'start'],
  ['never without a flow', call({ status: 'progressing', flowId: null }), null],
  ['not while it is being hung up', call({ status: 'terminating' }), null],
  ['the hangup ends it', call({ status: 'hangup' }), 'end'],
])('%s', (_name, input, expected) => {
  expect(flowTrigger(input)).toBe(expected);
});
