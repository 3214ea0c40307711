import branchCall from './fixtures/spec-call-branch.json';
import { activeflowOfCall, createCalls, farEnd, heard, press, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { startTestApp, type TestApp } from './support/test-app';

// The spec's "Simple outbound call with Branch", body unchanged: its digits_receive waits 5 s,
// so the no-input case takes three of those; the four cases run side by side.
jest.setTimeout(90_000);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const textOf = (index: number) => (branchCall.actions[index]!.option as { text: string }).text;
const [PROMPT, SHOW_MUST_GO_ON, BOHEMIAN, ANOTHER_ONE, DEFAULT, LOOP_OVER] = [0, 3, 5, 7, 9, 11].map(textOf);

/** Runs the spec's call; the far end presses `digit` (or nothing) when the flow asks for digits. */
async function runBranchCall(digit: string | null) {
  const [call] = await createCalls(t, branchCall);
  const id = call!.id as string;
  if (digit !== null) {
    await waitForCall(t, id, (c) => c.action?.type === 'digits_receive', 'the flow to wait for digits');
    await press(t, id, digit);
  }
  const ended = await waitForHangup(t, id, 60_000);
  return { ended, far: await farEnd(t, id), flow: await waitForActiveflow(t, id, (f) => f.status === 'ended', 'the activeflow to end') };
}

test('the spec branch example: each key plays its prompt, no key loops twice, and the call ends', async () => {
  const [one, two, three, none] = await Promise.all(['1', '2', '3', null].map(runBranchCall));

  expect(heard(one!.far)).toEqual([PROMPT, SHOW_MUST_GO_ON]);
  expect(heard(two!.far)).toEqual([PROMPT, BOHEMIAN]);
  expect(heard(three!.far)).toEqual([PROMPT, ANOTHER_ONE]);
  // No input: default, then goto back (loop_count 2 → two jumps), then past the goto.
  expect(heard(none!.far)).toEqual([PROMPT, DEFAULT, PROMPT, DEFAULT, PROMPT, DEFAULT, LOOP_OVER]);

  for (const { ended, far, flow } of [one, two, three, none]) {
    // The hangup action ends the call from our side, and the flow with it.
    expect(ended).toMatchObject({ status: 'hangup', hangup_by: 'local', hangup_reason: 'normal' });
    expect(far?.state).toBe('Destroyed');
    expect(flow).toMatchObject({ status: 'ended', reference_type: 'call', reference_id: ended.id, flow_id: ended.flow_id });
  }
  const gotos = (none!.flow.executed_actions as { type: string }[]).filter((action) => action.type === 'goto');
  expect(gotos).toHaveLength(3); // jumped, jumped, passed
  expect(one!.flow.variables['voipbin.call.digits']).toBeUndefined(); // the branch read and cleared it
  expect((one!.flow.executed_actions as { type: string }[]).map((action) => action.type)).toEqual(['talk', 'digits_receive', 'branch', 'talk', 'hangup']);
});

test('GET /v1.0/activeflows/{id} answers the call\'s activeflow; another id answers 404', async () => {
  const [call] = await createCalls(t, { ...branchCall, actions: [{ type: 'talk', option: { text: 'hi', language: 'en-US' } }] });
  await waitForHangup(t, call!.id);
  const listed = await activeflowOfCall(t, call!.id);
  const response = await fetch(`${t.baseUrl}/v1.0/activeflows/${listed!.id}?token=${t.accessKey}`);
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ id: listed!.id, status: 'ended', current_action: { type: 'talk', option: { text: 'hi' } } });
  const missing = await fetch(`${t.baseUrl}/v1.0/activeflows/${call!.id}?token=${t.accessKey}`);
  expect(missing.status).toBe(404);
});
