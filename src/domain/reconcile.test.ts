import { reconcileSignal } from './reconcile';

describe('reconcileSignal', () => {
  it.each([
    ['dialing', 'ringing', { type: 'ringing' }],
    ['ringing', 'ringing', null],
    ['progressing', 'ringing', null],
    ['dialing', 'up', { type: 'answered' }],
    ['ringing', 'up', { type: 'answered' }],
    ['progressing', 'up', null],
    ['terminating', 'up', null],
    ['canceling', 'up', null],
    ['progressing', 'gone', { type: 'channel_destroyed', cause: 16 }],
    ['terminating', 'gone', { type: 'channel_destroyed', cause: 16 }],
    ['dialing', 'other', null],
  ] as const)('a %s call whose channel is %s → %o', (status, channel, signal) => {
    expect(reconcileSignal(status, channel)).toEqual(signal);
  });
});
