import { farEnd, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGING_AT, TRANSFER_SOURCE, connectedPair, transfer, transferEvents, waitForRinging, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Several transferees when the groupcall-answer reaction (the first answer's claim) fails twice
 * before it runs: the claim is durable, so the answer still wins when it finally runs. The
 * winner hangs up in that window, before the transfer named it: its hangup found no transferee
 * then, so naming it must take that hangup as the transferee's, or the transfer would consult a
 * call that is gone and never end.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ TEST_HOOK_FAIL_REACTION: 'groupcall-answer:2', REACTION_BACKOFF_MS: '300' });
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await t?.stop();
});

it('a winner that hung up before it was named fails the attended transfer once (transferee_hangup), and the caller is back with the transferer', async () => {
  const { caller, transferer } = await connectedPair(t);
  const { body } = await transfer(t, transferer, { type: 'attended', destinations: [RINGING_AT(31), RINGING_AT(32)] });
  const id = body.transfer_id as string;
  const [first, second] = body.transfer.consult_call_ids as string[];
  await waitForTransfer(t, id, 'ringing');
  await waitForRinging(t, [first!, second!]);
  await simPost(t.simUrl, `/sim/channels/${first}/answer`);
  await waitForCall(t, first!, (call) => call.status === 'progressing', 'the first transferee answered');
  await simPost(t.simUrl, `/sim/channels/${first}/hangup`);

  const failed = await waitForTransfer(t, id, 'failed');
  expect(failed).toMatchObject({ reason: 'transferee_hangup', consult_call_id: first });
  // The claim still ran: the answer won, and the other leg was cancelled.
  expect((await rest(t, 'GET', `/groupcalls/${body.transfer.groupcall_id}`)).body).toMatchObject({ answer_call_id: first });
  expect(await waitForHangup(t, second!)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
  await waitFor(() => farEnd(t, caller), (far) => (far?.bridged_with as string[] | undefined)?.includes(transferer) === true, 'the caller back with the transferer');
  await waitForCall(t, caller, (call: Json) => call.mute_direction === '', 'the caller unmuted');
  expect((await transferEvents(t, id)).filter((e) => ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(e))).toEqual(['transfer_failed']);
  await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
});
