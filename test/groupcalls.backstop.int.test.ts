import { getCall, historyTypes, RINGS, SOURCE, waitForCall } from './support/groupcalls';
import { rest } from './support/rest';
import { simChannel } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The losers of a groupcall are hung up at once from the winner's reaction (its eager run in the
 * worker that heard the answer), and the reaction's job is the backstop that runs it again after a
 * crash, or elsewhere at the same time. Both at once must hang each loser up once: one canceling,
 * one end (local/cancel), its channel ended by the application, and the winner left alone.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

it('hangs each loser up once when its direct hangup and the queued one of a second run both happen', async () => {
  const created = await rest(t, 'POST', '/groupcalls', { source: SOURCE, destinations: [RINGS(11), RINGS(12), RINGS(13)], actions: [{ type: 'sleep', option: { duration: 600000 } }], ring_method: 'ring_all', answer_method: 'hangup_others' });
  expect(created.status).toBe(200);
  const [winner, ...losers] = created.body.call_ids as string[];
  for (const leg of created.body.call_ids as string[]) await waitForCall(t, leg, 'ringing');

  // The winner's answer as the media event consumer commits it: its reaction starts at once in
  // this process and sends the losers' hangups directly...
  const answered = await t.app.services.calls.signal(winner!, { type: 'answered' });
  expect(answered?.status).toBe('progressing');
  // ...while the same reaction runs again, as its job would in another worker: it wins again (it
  // is the winner's own claim) and asks for the losers' hangups as telephony jobs.
  expect(await t.app.services.groupcalls.legAnswered(answered!)).toBe(true);

  for (const loser of losers) {
    expect(await waitForCall(t, loser, 'hangup')).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    expect(await historyTypes(t, `/calls/${loser}`)).toEqual(['call_created', 'call_ringing', 'call_updated', 'call_hungup']);
    expect(await simChannel(t.simUrl, loser)).toMatchObject({ state: 'Destroyed', hangup_by: 'application' });
  }
  expect((await getCall(t, winner!)).status).toBe('progressing');
  expect((await simChannel(t.simUrl, winner!))?.state).not.toBe('Destroyed');
});
