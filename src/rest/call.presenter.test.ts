import type { Call } from '../domain/call';
import { chainedIdsByMaster, presentCall } from './call.presenter';

const ZERO = '00000000-0000-0000-0000-000000000000';

const call = (overrides: Partial<Call> = {}): Call => ({
  id: 'd9d32881-12fd-4b19-a6b2-6d5b6b6acf76',
  channelId: 'd9d32881-12fd-4b19-a6b2-6d5b6b6acf76',
  customerId: '5e4a0680-804e-11ec-8477-2fea5968d85b',
  flowId: null,
  activeflowId: null,
  variables: {},
  type: 'flow',
  status: 'dialing',
  direction: 'outgoing',
  source: { type: 'tel', target: '+15551234567', targetName: '', name: '', detail: '' },
  destination: { type: 'tel', target: '+15559876543', targetName: 'Bob', name: 'bob', detail: 'desk' },
  masterCallId: null,
  groupcallId: null,
  recordingId: null,
  recordingIds: [],
  action: null,
  earlyExecution: false,
  dialTimeoutMs: 30000,
  hangupRequest: null,
  hangupBy: null,
  hangupReason: null,
  hold: false,
  muteDirection: '',
  moh: false,
  silence: false,
  reactionError: null,
  routePlan: [],
  attempts: [],
  eventSeq: 1,
  tmCreate: new Date('2022-05-01T15:10:23.414Z'),
  tmUpdate: new Date('2022-05-01T15:10:23.414Z'),
  tmRinging: null,
  tmProgressing: null,
  tmHangup: null,
  tmDelete: null,
  ...overrides,
});

describe('presentCall', () => {
  it('writes a new call with exactly the documented fields, zero UUIDs, empty strings, "not yet" times and no action', () => {
    expect(presentCall(call())).toStrictEqual({
      id: 'd9d32881-12fd-4b19-a6b2-6d5b6b6acf76',
      customer_id: '5e4a0680-804e-11ec-8477-2fea5968d85b',
      owner_type: '',
      owner_id: ZERO,
      flow_id: ZERO,
      activeflow_id: ZERO,
      type: 'flow',
      master_call_id: ZERO,
      chained_call_ids: [],
      recording_id: ZERO,
      recording_ids: [],
      groupcall_id: null,
      source: { type: 'tel', target: '+15551234567', target_name: '', name: '', detail: '' },
      destination: { type: 'tel', target: '+15559876543', target_name: 'Bob', name: 'bob', detail: 'desk' },
      status: 'dialing',
      direction: 'outgoing',
      hold: false,
      mute_direction: '',
      hangup_by: '',
      hangup_reason: '',
      dial_timeout: 30000,
      early_execution: false,
      attempts: [],
      tm_create: '2022-05-01 15:10:23.414000',
      tm_update: '2022-05-01 15:10:23.414000',
      tm_progressing: '9999-01-01 00:00:00.000000',
      tm_ringing: '9999-01-01 00:00:00.000000',
      tm_hangup: '9999-01-01 00:00:00.000000',
      tm_delete: '9999-01-01 00:00:00.000000',
    });
  });

  it('writes an ended call with its ids, outcome and times in UTC', () => {
    const action = { id: '0db08d32-b7d7-470d-8bda-9feff0877077', next_id: ZERO, type: 'talk', option: { text: 'hi' }, tm_execute: '2022-05-01T15:10:39.002Z' };
    const view = presentCall(
      call({
        flowId: '4553c074-c88d-49e5-9d47-5c01598ac099',
        activeflowId: '55555555-5555-4555-8555-555555555555',
        masterCallId: '11111111-1111-4111-8111-111111111111',
        recordingId: '22222222-2222-4222-8222-222222222222',
        recordingIds: ['22222222-2222-4222-8222-222222222222'],
        action,
        status: 'hangup',
        hangupBy: 'local',
        hangupReason: 'normal',
        earlyExecution: true,
        tmRinging: new Date('2022-05-01T15:10:26.978Z'),
        tmProgressing: new Date('2022-05-01T15:10:38.721Z'),
        tmHangup: new Date('2022-05-01T15:10:44.781Z'),
        tmDelete: new Date('2022-05-02T00:00:00.001Z'),
      }),
      ['33333333-3333-4333-8333-333333333333'],
    );
    expect(view).toMatchObject({
      flow_id: '4553c074-c88d-49e5-9d47-5c01598ac099',
      master_call_id: '11111111-1111-4111-8111-111111111111',
      chained_call_ids: ['33333333-3333-4333-8333-333333333333'],
      recording_id: '22222222-2222-4222-8222-222222222222',
      recording_ids: ['22222222-2222-4222-8222-222222222222'],
      activeflow_id: '55555555-5555-4555-8555-555555555555',
      action: { ...action, tm_execute: '2022-05-01 15:10:39.002000' },
      hangup_by: 'local',
      hangup_reason: 'normal',
      early_execution: true,
      tm_ringing: '2022-05-01 15:10:26.978000',
      tm_progressing: '2022-05-01 15:10:38.721000',
      tm_hangup: '2022-05-01 15:10:44.781000',
      tm_delete: '2022-05-02 00:00:00.001000',
    });
  });

  it('hands out copies: changing the JSON does not change the call or its action', () => {
    const source = call({ action: { id: ZERO, type: 'answer' } });
    const first = presentCall(source);
    first.recording_ids.push('x');
    first.action!.type = 'changed';
    expect(source.recordingIds).toEqual([]);
    expect(presentCall(source).action).toEqual({ id: ZERO, type: 'answer' });
  });
});

describe('chainedIdsByMaster', () => {
  it('groups chained calls under their master, keeping their order', () => {
    const byMaster = chainedIdsByMaster([
      { id: 'c1', masterCallId: 'm1' },
      { id: 'c2', masterCallId: 'm2' },
      { id: 'c3', masterCallId: 'm1' },
      { id: 'c4', masterCallId: null },
    ]);
    expect(Object.fromEntries(byMaster)).toEqual({ m1: ['c1', 'c3'], m2: ['c2'] });
  });
});
