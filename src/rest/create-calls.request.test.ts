import { AppError } from '../domain/errors';
import { createCallsInputFrom } from './create-calls.request';

describe('createCallsInputFrom', () => {
  it('maps VoIPBIN keys to the service input', () => {
    const input = createCallsInputFrom({
      source: { type: 'tel', target: '+15551234567', target_name: 'Alice', name: 'a', detail: 'd' },
      destinations: [{ type: 'tel', target: '+15559876543' }],
      flow_id: '4553c074-c88d-49e5-9d47-5c01598ac099',
      actions: [{ type: 'talk', option: { text: 'hi' } }],
      early_execution: true,
      dial_timeout: 5000,
      master_call_id: '11111111-1111-4111-8111-111111111111',
      unknown_key: 1,
    });
    expect(input).toEqual({
      source: { type: 'tel', target: '+15551234567', targetName: 'Alice', name: 'a', detail: 'd' },
      destinations: [{ type: 'tel', target: '+15559876543', targetName: undefined, name: undefined, detail: undefined }],
      flowId: '4553c074-c88d-49e5-9d47-5c01598ac099',
      actions: [{ type: 'talk', option: { text: 'hi' } }],
      earlyExecution: true,
      dialTimeout: 5000,
      masterCallId: '11111111-1111-4111-8111-111111111111',
    });
  });

  it('reads the all-zero UUID as "none", as VoIPBIN clients write it', () => {
    const zero = '00000000-0000-0000-0000-000000000000';
    expect(createCallsInputFrom({ flow_id: zero, master_call_id: zero })).toMatchObject({ flowId: null, masterCallId: null });
  });

  it('passes values of the wrong type on unchanged, for the service to refuse by field', () => {
    const input = createCallsInputFrom({ source: 'x', destinations: 'y', dial_timeout: '5000', early_execution: 'yes' });
    expect(input).toMatchObject({ source: 'x', destinations: 'y', dialTimeout: '5000', earlyExecution: 'yes' });
    expect(createCallsInputFrom({ destinations: [null, 7] }).destinations).toEqual([null, 7]);
  });

  it.each([[null], [[]], ['text'], [42]])('refuses a body that is not an object: %p', (body) => {
    expect(() => createCallsInputFrom(body)).toThrow(AppError);
  });
});
