import connectCall from './fixtures/spec-call-connect.json';
import { createCalls, farEnd, getCall, heard, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // The spec's connect example calls from +15559876543: a number the customer must own.
  await t.ownNumber(t.app.bootstrap!.customerId, connectCall.source.target);
});
afterAll(async () => {
  await t?.stop();
});

/** Runs a connect flow until its leg is bridged with the call; answers both ids. */
async function bridged(body: unknown): Promise<{ master: string; leg: string }> {
  const [call] = await createCalls(t, body);
  const master = call!.id as string;
  const chained = await waitForCall(t, master, (c) => c.chained_call_ids.length === 1, 'the connect to make its leg');
  const leg = chained.chained_call_ids[0] as string;
  await waitFor(() => farEnd(t, master), (far) => (far?.bridged_with as string[] | undefined)?.includes(leg) === true, 'the call bridged with its leg');
  return { master, leg };
}

test('the spec connect example: the new leg is chained to the call, both are bridged on answer, and the master hangup ends the leg', async () => {
  const { master, leg } = await bridged(connectCall);
  const legCall = await getCall(t, leg);
  const option = connectCall.actions[1]!.option as { source: { target: string }; destinations: { target: string }[] };
  expect(legCall).toMatchObject({ master_call_id: master, status: 'progressing', direction: 'outgoing' });
  expect(legCall.source.target).toBe(option.source.target);
  expect(legCall.destination.target).toBe(option.destinations[0]!.target);
  expect((await farEnd(t, leg))?.bridged_with).toEqual([master]);
  // The master heard the prompt before the connect.
  expect(heard(await farEnd(t, master))).toEqual([(connectCall.actions[0]!.option as { text: string }).text]);
  expect((await getCall(t, master)).action.type).toBe('connect');

  expect((await simPost(t.simUrl, `/sim/channels/${master}/hangup`)).status).toBe(204);
  expect(await waitForHangup(t, master)).toMatchObject({ hangup_by: 'remote' });
  expect(await waitForHangup(t, leg)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(await waitForActiveflow(t, master, (flow) => flow.status === 'ended', 'the flow to end')).toMatchObject({ current_action: { type: 'connect' } });
});

test('the flow goes on when the bridge ends: the leg hangs up, the call hears the next action', async () => {
  const body = { ...connectCall, actions: [connectCall.actions[1], { type: 'talk', option: { text: 'the other side left', language: 'en-US' } }] };
  const { master, leg } = await bridged(body);
  expect((await simPost(t.simUrl, `/sim/channels/${leg}/hangup`)).status).toBe(204);
  await waitForHangup(t, leg);
  const ended = await waitForHangup(t, master);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  const far = await farEnd(t, master);
  expect(heard(far)).toEqual(['the other side left']);
  expect(far?.bridged_with).toEqual([]);
});

test('a connect whose legs all fail moves the flow on', async () => {
  const body = {
    ...connectCall,
    actions: [
      { type: 'connect', option: { source: connectCall.source, destinations: [{ type: 'tel', target: '+15550001000' }] } }, // busy
      { type: 'talk', option: { text: 'nobody answered', language: 'en-US' } },
    ],
  };
  const [call] = await createCalls(t, body);
  await waitForHangup(t, call!.id);
  expect(heard(await farEnd(t, call!.id))).toEqual(['nobody answered']);
  const [leg] = (await getCall(t, call!.id)).chained_call_ids as string[];
  expect(await getCall(t, leg!)).toMatchObject({ status: 'hangup', hangup_reason: 'busy' });
});
