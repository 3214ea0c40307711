import digitsSendCall from './fixtures/spec-call-digits-send.json';
import playCall from './fixtures/spec-call-play.json';
import ttsCall from './fixtures/spec-call-tts.json';
import { rest } from './support/rest';
import { activeflowOfCall, createCalls, farEnd, flowQueueOf, heard, press, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const withActions = (actions: unknown[]) => ({ ...ttsCall, actions });
const talk = (text: string) => ({ type: 'talk', option: { text, language: 'en-US' } });
const textOf = (body: { actions: { option?: unknown }[] }, index: number) => (body.actions[index]!.option as { text: string }).text;

test('the spec TTS example: the far end hears the text, then the end of the flow hangs the call up', async () => {
  const [call] = await createCalls(t, ttsCall);
  const ended = await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual([textOf(ttsCall, 0)]);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(await waitForActiveflow(t, call!.id, (flow) => flow.status === 'ended', 'the flow to end')).toMatchObject({ tm_end: expect.not.stringMatching(/^9999/) });
});

test('the spec media file example: the far end hears the stream URL through the media cache', async () => {
  const [call] = await createCalls(t, playCall);
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual([`sound:${(playCall.actions[0]!.option as { stream_urls: string[] }).stream_urls[0]}`]);
});

test('the spec talk and digits_send example: the far end receives the digits in order, between the prompts', async () => {
  const [call] = await createCalls(t, digitsSendCall);
  await waitForHangup(t, call!.id);
  const far = await farEnd(t, call!.id);
  expect(far?.dtmf_received).toEqual('1234567890'.split(''));
  expect(heard(far)).toEqual([textOf(digitsSendCall, 0), textOf(digitsSendCall, 2)]);
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
  expect(flow.executed_actions.map((action: { type: string }) => action.type)).toEqual(['talk', 'dtmf_send', 'talk']);
});

test('two digits_send actions in a row: the far end hears both strings, in order, the second after the first has played', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'digits_send', option: { digits: '1234567890', duration: 100, interval: 100 } }, { type: 'digits_send', option: { digits: '*#', duration: 100, interval: 100 } }]));
  await waitForHangup(t, call!.id);
  const far = await farEnd(t, call!.id);
  expect(far?.dtmf_received).toEqual([...'1234567890*#']);
  expect(far?.dtmf_dropped).toEqual([]);
});

test('a play of an unreachable URL records its error on the activeflow and the flow moves on', async () => {
  const unreachable = 'https://media.invalid/missing.wav';
  const [call] = await createCalls(t, withActions([{ type: 'play', option: { stream_urls: [unreachable] } }, talk('after the failure')]));
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual([`sound:${unreachable}`, 'after the failure']);
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
  expect(flow.executed_actions[0]).toMatchObject({ type: 'play', error: `could not play ${unreachable}` });
  expect(flow.executed_actions[1]).toEqual(expect.not.objectContaining({ error: expect.anything() }));
});

test('the last action failing leaves its error in current_action', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'play', option: { stream_urls: ['http://nowhere.invalid/a.wav'] } }]));
  await waitForHangup(t, call!.id);
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
  expect(flow.current_action).toMatchObject({ type: 'play', error: 'could not play http://nowhere.invalid/a.wav' });
});

test('variables: variable_set and ${} substitution reach what the far end hears', async () => {
  const [call] = await createCalls(t, withActions([
    { type: 'variable_set', option: { key: 'who', value: 'Ada' } },
    talk('Hello ${who}, you are ${voipbin.call.destination.target}.'),
  ]));
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual([`Hello Ada, you are ${ttsCall.destinations[0]!.target}.`]);
});

test('sleep waits, then the flow goes on; the call shows the current action in the REST shape', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'sleep', option: { duration: 300 } }, talk('awake')]));
  const sleeping = await waitForCall(t, call!.id, (c) => c.action?.type === 'sleep', 'the call to sleep');
  expect(sleeping.action).toEqual({ id: expect.any(String), next_id: expect.any(String), type: 'sleep', option: { duration: 300 }, tm_execute: expect.any(String) });
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual(['awake']);
});

describe('a call hung up in the middle of an action leaves no waiting job behind', () => {
  const longTalk = talk('a long prompt '.repeat(200));
  // Another type next: a flow wrongly moved on by the cut-off prompt would show it as current.
  const never = { type: 'play', option: { stream_urls: ['https://example.com/never-heard.wav'] } };
  test.each([
    ['talk', [longTalk, never]],
    ['digits_receive', [{ type: 'digits_receive', option: { duration: 600000, length: 4 } }, never]],
  ])('during %s', async (type, actions) => {
    const [call] = await createCalls(t, withActions(actions));
    await waitForCall(t, call!.id, (c) => c.action?.type === type, `the call to be in ${type}`);
    const hangup = await fetch(`${t.simUrl}/sim/channels/${call!.id}/hangup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(hangup.status).toBe(204);
    // The far end hung up: the cut-off prompt does not move the flow on and end the call from our side.
    expect(await waitForHangup(t, call!.id)).toMatchObject({ hangup_by: 'remote', hangup_reason: 'normal' });
    const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
    expect(flow.current_action.type).toBe(type);
    expect(flow.executed_actions.at(-1)).toMatchObject({ type, error: 'the call ended during the action' });
    const { queue, close } = flowQueueOf(t);
    try {
      const pending = await waitFor(() => queue.getJobs(['waiting', 'delayed', 'active', 'prioritized']), (jobs) => jobs.length === 0, 'no pending flow jobs');
      expect(pending).toEqual([]);
      // The wait of the action (the first one, step 1) was removed, not left to fire.
      expect(await queue.getJob(`flow-wait_${flow.id}_1`)).toBeUndefined();
    } finally {
      await close();
    }
    expect(heard(await farEnd(t, call!.id))).not.toContain('sound:https://example.com/never-heard.wav');
  });
});

test('POST /v1.0/activeflows/{id}/stop ends the flow and, as every end of a flow, hangs the call up', async () => {
  const [call] = await createCalls(t, withActions([{ type: 'sleep', option: { duration: 600000 } }, talk('never heard')]));
  await waitForCall(t, call!.id, (c) => c.action?.type === 'sleep', 'the call to sleep');
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'running', 'the flow to run');
  const stopped = await rest(t, 'POST', `/activeflows/${flow.id}/stop`);
  expect(stopped.status).toBe(200);
  expect(stopped.body).toMatchObject({ id: flow.id, status: 'ended' });
  expect(await waitForHangup(t, call!.id)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(heard(await farEnd(t, call!.id))).toEqual([]);
  const other = await t.newCustomer();
  expect((await rest(t, 'POST', `/activeflows/${flow.id}/stop`, undefined, other.token)).status).toBe(404);
  expect((await rest(t, 'GET', `/activeflows/${flow.id}`, undefined, other.token)).status).toBe(404);
  expect((await rest(t, 'GET', '/activeflows', undefined, other.token)).body).toEqual({ result: [], next_page_token: '' });
  expect((await rest(t, 'GET', '/activeflows/not-a-uuid')).status).toBe(400);
});

test('early_execution runs the flow while the call rings; without it nothing plays before the answer', async () => {
  const ringsForever = [{ type: 'tel', target: '+15550002001' }];
  const [late] = await createCalls(t, { ...withActions([talk('only after the answer')]), destinations: ringsForever });
  const [early] = await createCalls(t, { ...withActions([talk('early media')]), destinations: ringsForever, early_execution: true });
  const ended = await waitForHangup(t, early!.id);
  expect(heard(await farEnd(t, early!.id))).toEqual(['early media']);
  // Never answered; the end of its flow hung it up, as every flow's end does (local, normal).
  expect(ended).toMatchObject({ tm_progressing: '9999-01-01 00:00:00.000000', hangup_by: 'local', hangup_reason: 'normal' });

  expect(await getCallStatus(late!.id)).toBe('ringing');
  expect(heard(await farEnd(t, late!.id))).toEqual([]);
  expect(await activeflowOfCall(t, late!.id)).toBeUndefined();
  await rest(t, 'POST', `/calls/${late!.id}/hangup`);
});

const getCallStatus = async (id: string) => (await rest(t, 'GET', `/calls/${id}`)).body.status as string;

test('a step job run again after the flow moved on changes nothing', async () => {
  const [call] = await createCalls(t, withActions([talk('once'), { type: 'digits_send', option: { digits: '12' } }]));
  await waitForHangup(t, call!.id);
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
  const { queue, close } = flowQueueOf(t);
  try {
    // As a retry of steps 1 (talk) and 2 (digits_send) would: same activeflow and steps, new job ids.
    const retried = await Promise.all([1, 2].map((step) => queue.add('run', { activeflowId: flow.id, step }, { jobId: `retry_${flow.id}_${step}` })));
    await waitFor(() => Promise.all(retried.map((job) => job.getState())), (states) => states.every((state) => state === 'completed'), 'the retried jobs to run');
  } finally {
    await close();
  }
  const far = await farEnd(t, call!.id);
  expect(heard(far)).toEqual(['once']);
  expect(far?.dtmf_received).toEqual(['1', '2']);
  expect(await activeflowOfCall(t, call!.id)).toEqual(flow);
});

test('digits_receive ends on its terminator key, which is not kept; the digits reach later options', async () => {
  const [call] = await createCalls(t, withActions([
    { type: 'digits_receive', option: { duration: 600000, length: 10, key: '#' } },
    talk('you pressed ${voipbin.call.digits}'),
  ]));
  await waitForCall(t, call!.id, (c) => c.action?.type === 'digits_receive', 'the flow to wait for digits');
  await press(t, call!.id, '12#');
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual(['you pressed 12']);
});

test('a key pressed during a talk with digits_handle next stops the prompt and the flow moves on with the digit', async () => {
  const [call] = await createCalls(t, withActions([
    { type: 'talk', option: { text: 'press any key '.repeat(300), language: 'en-US', digits_handle: 'next' } },
    { type: 'branch', option: { target_ids: { '5': '00000000-0000-4000-8000-000000000005' } } },
    talk('no match'),
    { id: '00000000-0000-4000-8000-000000000005', type: 'talk', option: { text: 'five', language: 'en-US' } },
  ]));
  await waitForCall(t, call!.id, (c) => c.action?.type === 'talk', 'the prompt');
  await waitFor(() => farEnd(t, call!.id), (far) => heard(far).length === 1, 'the prompt to play');
  await press(t, call!.id, '5');
  await waitForHangup(t, call!.id);
  const far = await farEnd(t, call!.id);
  expect(heard(far)).toEqual(['press any key '.repeat(300), 'five']);
  expect((far?.played as { stopped: boolean }[])[0]!.stopped).toBe(true);
});

test('GET /v1.0/activeflows pages newest first with page_size and page_token', async () => {
  const calls = [];
  for (let i = 0; i < 3; i++) {
    // One after another: activeflows are made on answer, and the order must be known.
    calls.push((await createCalls(t, withActions([talk(`page ${i}`)])))[0]!);
    await waitForActiveflow(t, calls[i]!.id, () => true, 'the flow to start');
  }
  const first = await rest(t, 'GET', '/activeflows?page_size=2');
  expect(first.body.result.map((flow: { reference_id: string }) => flow.reference_id)).toEqual([calls[2]!.id, calls[1]!.id]);
  const second = await rest(t, 'GET', `/activeflows?page_size=2&page_token=${encodeURIComponent(first.body.next_page_token)}`);
  expect(second.body.result[0].reference_id).toBe(calls[0]!.id);
  expect((await rest(t, 'GET', '/activeflows?page_size=0')).status).toBe(400);
});

test('past its last action a flow goes on with its on_complete_flow_id flow, in the same activeflow', async () => {
  const following = await rest(t, 'POST', '/flows', { name: 'goodbye', actions: [talk('then the following flow')] });
  const first = await rest(t, 'POST', '/flows', { name: 'hello', actions: [talk('first flow')], on_complete_flow_id: following.body.id });
  expect(first.status).toBe(200);
  const [call] = await createCalls(t, { source: ttsCall.source, destinations: ttsCall.destinations, flow_id: first.body.id });
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual(['first flow', 'then the following flow']);
  const flow = await waitForActiveflow(t, call!.id, (f) => f.status === 'ended', 'the flow to end');
  expect(flow.flow_id).toBe(following.body.id);
  expect(flow.executed_actions).toHaveLength(2);
});
