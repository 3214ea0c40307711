import { farEnd, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGS, TRANSFER_SOURCE, connectedPair, transfer, transferEvents, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Races: inputs sent at the same moment end the transfer in one defined state with one final
 * event, no leg of it left up or ringing, and the caller (when it stays) off hold and unmuted.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await t?.stop();
});

const FINAL = ['transfer_completed', 'transfer_cancelled', 'transfer_failed'];
const finalEvents = async (id: string) => (await transferEvents(t, id)).filter((e) => FINAL.includes(e));

async function attendedRinging() {
  const pair = await connectedPair(t);
  const { body } = await transfer(t, pair.transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
  await waitForTransfer(t, body.transfer_id, 'ringing');
  return { ...pair, id: body.transfer_id as string, consult: body.consult_call_id as string };
}

async function settled(id: string): Promise<Json> {
  return waitFor(async () => (await rest(t, 'GET', `/transfers/${id}`)).body, (tr) => ['completed', 'cancelled', 'failed'].includes(tr.status), 'a final status');
}

it('the transferee answering at the same moment as a cancel: one final state, the consult leg gone, the caller back', async () => {
  const { caller, transferer, id, consult } = await attendedRinging();
  await Promise.all([simPost(t.simUrl, `/sim/channels/${consult}/answer`), rest(t, 'POST', `/transfers/${id}/cancel`)]);
  expect(await settled(id)).toMatchObject({ status: 'cancelled' });
  await waitForHangup(t, consult);
  await waitFor(() => finalEvents(id), (events) => events.length === 1, 'one final event');
  await waitFor(() => farEnd(t, caller), (far) => (far?.bridged_with as string[] | undefined)?.includes(transferer) === true, 'caller back with transferer');
  await waitForCall(t, caller, (c) => c.mute_direction === '', 'caller unmuted');
  expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none' });
  expect((await farEnd(t, consult))?.state).toBe('Destroyed');
  await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
});

it('complete, cancel and the transferer hanging up at the same moment during the consult: one final event', async () => {
  const { caller, transferer, id, consult } = await attendedRinging();
  await simPost(t.simUrl, `/sim/channels/${consult}/answer`);
  await waitForTransfer(t, id, 'consulting');
  const answers = await Promise.all([
    rest(t, 'POST', `/transfers/${id}/complete`),
    rest(t, 'POST', `/transfers/${id}/cancel`),
    simPost(t.simUrl, `/sim/channels/${transferer}/hangup`),
  ]);
  for (const answer of answers.slice(0, 2) as { status: number }[]) expect([200, 409]).toContain(answer.status);
  const final = await settled(id);
  await waitFor(() => finalEvents(id), (events) => events.length === 1, 'one final event');
  await waitForHangup(t, transferer);
  if (final.status === 'completed') {
    await waitFor(() => farEnd(t, caller), (far) => (far?.bridged_with as string[] | undefined)?.includes(consult) === true, 'caller with transferee');
  } else {
    await waitForHangup(t, consult);
  }
  await waitForCall(t, caller, (c) => c.mute_direction === '', 'caller unmuted');
  await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  await waitForHangup(t, caller);
  const events = ((await rest(t, 'GET', `/calls/${transferer}/events`)).body.result as Json[]).filter((e) => e.type === 'call_hungup');
  expect(events).toHaveLength(1);
});

it.each(['caller', 'transferer', 'consult'] as const)('an attended transfer while ringing: the %s hangs up, one final state, nothing left ringing', async (party) => {
  const parties = await attendedRinging();
  const who = party === 'consult' ? parties.consult : parties[party];
  await simPost(t.simUrl, `/sim/channels/${who}/hangup`);
  if (party === 'transferer') {
    // Turned blind: the transferee still rings for the caller; answering completes it.
    await waitFor(async () => (await rest(t, 'GET', `/transfers/${parties.id}`)).body, (tr) => tr.type === 'blind', 'turned blind');
    await simPost(t.simUrl, `/sim/channels/${parties.consult}/answer`);
  }
  const final = await settled(parties.id);
  expect(final.status).toBe({ caller: 'cancelled', transferer: 'completed', consult: 'failed' }[party]);
  await waitFor(() => finalEvents(parties.id), (events) => events.length === 1, 'one final event');
  await simPost(t.simUrl, `/sim/channels/${parties.caller}/hangup`);
  await waitForHangup(t, parties.caller);
  await waitForHangup(t, parties.consult);
  expect((await farEnd(t, parties.consult))?.state).toBe('Destroyed');
});
