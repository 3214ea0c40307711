import connectCall from './fixtures/spec-call-connect.json';
import { createCalls, farEnd, getCall, heard, waitForCall, waitForHangup } from './support/flows';
import { answerLeg, getGroupcall, historyTypes, waitForGroupcall } from './support/groupcalls';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import type { Json } from './support/rest';

/**
 * A flow's connect to several destinations rings them as a groupcall of the call: the first
 * answer is bridged with the call, the others are cancelled, and the caller hanging up while
 * the legs ring cancels them all and ends the groupcall with its final event.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, connectCall.source.target);
});
afterAll(async () => {
  await t?.stop();
});

const RINGS = (n: number) => ({ type: 'tel', target: `+1555000${2600 + n}` });
const BUSY = (n: number) => ({ type: 'tel', target: `+1555000${1600 + n}` });

/** The spec's connect example with several destinations (and the option), then a prompt. */
const connectTo = (destinations: Json[], option: Json = {}): Json => ({
  ...connectCall,
  actions: [
    { type: 'connect', option: { source: connectCall.source, destinations, ...option } },
    { type: 'talk', option: { text: 'the connect is over', language: 'en-US' } },
  ],
});

async function connecting(body: Json, legs: number): Promise<{ master: string; groupcall: Json }> {
  const [call] = await createCalls(t, body);
  const master = call!.id as string;
  const chained = await waitForCall(t, master, (c) => c.chained_call_ids.length === legs, `the connect to dial ${legs} legs`);
  const leg = await getCall(t, chained.chained_call_ids[0] as string);
  expect(leg.groupcall_id).not.toBeNull();
  return { master, groupcall: await getGroupcall(t, leg.groupcall_id as string) };
}

test('rings every destination as a groupcall of the call, bridges the first answer and cancels the others; the flow goes on after', async () => {
  const { master, groupcall } = await connecting(connectTo([RINGS(1), RINGS(2), RINGS(3)]), 3);
  expect(groupcall).toMatchObject({ master_call_id: master, ring_method: 'ring_all', answer_method: 'hangup_others', status: 'progressing', call_count: 3 });
  const [first, winner, third] = groupcall.call_ids as string[];
  await answerLeg(t, winner as string);
  await waitFor(() => farEnd(t, master), (far) => (far?.bridged_with as string[] | undefined)?.includes(winner as string) === true, 'the call bridged with the winner');
  for (const loser of [first, third] as string[]) expect(await waitForHangup(t, loser)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
  expect((await getGroupcall(t, groupcall.id)).answer_call_id).toBe(winner);

  expect((await simPost(t.simUrl, `/sim/channels/${winner}/hangup`)).status).toBe(204);
  await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'the groupcall to end');
  await waitForHangup(t, master);
  expect(heard(await farEnd(t, master))).toEqual(['the connect is over']);
  expect((await historyTypes(t, `/groupcalls/${groupcall.id}`)).filter((type) => type === 'groupcall_hangup')).toHaveLength(1);
});

test('the caller hanging up while the legs ring cancels every leg and ends the groupcall with its final event', async () => {
  const { master, groupcall } = await connecting(connectTo([RINGS(11), RINGS(12)]), 2);
  await Promise.all((groupcall.call_ids as string[]).map((leg) => waitFor(() => farEnd(t, leg), (far) => far?.state === 'Ringing', 'ringing')));
  expect((await simPost(t.simUrl, `/sim/channels/${master}/hangup`)).status).toBe(204);
  for (const leg of groupcall.call_ids as string[]) expect(await waitForHangup(t, leg)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
  const ended = await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'the groupcall to end');
  expect(ended.answer_call_id).toBe('00000000-0000-0000-0000-000000000000');
  await waitFor(() => historyTypes(t, `/groupcalls/${groupcall.id}`), (types) => types.includes('groupcall_hangup'), 'the final event');
  expect((await historyTypes(t, `/groupcalls/${groupcall.id}`)).filter((type) => type === 'groupcall_hangup')).toHaveLength(1);
});

test('with ring_method linear it dials one destination after another and stops at the answer', async () => {
  const { master, groupcall } = await connecting(connectTo([BUSY(21), RINGS(22), RINGS(23)], { ring_method: 'linear' }), 1);
  expect(groupcall.ring_method).toBe('linear');
  const moved = await waitForGroupcall(t, groupcall.id, (g) => g.call_ids.length === 2, 'the second destination');
  const second = moved.call_ids[1] as string;
  await answerLeg(t, second);
  await waitFor(() => farEnd(t, master), (far) => (far?.bridged_with as string[] | undefined)?.includes(second) === true, 'the call bridged with the second leg');
  expect((await getGroupcall(t, groupcall.id)).call_ids).toHaveLength(2);
  await simPost(t.simUrl, `/sim/channels/${master}/hangup`);
  await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'the groupcall to end');
});
