import { CreateCallsDocument, GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { TELEPHONY_QUEUE } from '../src/workers/telephony-queue';
import { queueOf } from './support/flows';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Events lost while the ARI event stream is down are made good by reconciling at reconnect; a
 * call whose channel is gone by then is ended with a reason that follows its last known status,
 * and says it was ended by reconciliation.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const status = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id })).data?.call;
const call = async (target: string) =>
  (await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target }] } })).data!.createCalls[0]!.id;

it('ends an answered call whose channel hung up while the product was not listening: remote, normal, reconciled', async () => {
  const id = await call('+15559870123');
  await waitFor(() => status(id), (found) => found?.status === 'PROGRESSING', 'the answer');

  // The event socket drops, and the far end hangs up before ari-client has reconnected.
  await simPost(t.simUrl, '/sim/ws/drop');
  await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 });

  const ended = await waitFor(() => status(id), (found) => found?.status === 'HANGUP', 'the reconciled hangup');
  expect(ended).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'NORMAL', hangupReconciled: true, hangupDetail: expect.stringContaining('last known status: progressing') });
});

it('never ends a call that was not answered as normal: one that rang ends noanswer, reconciled', async () => {
  const id = await call('+15550002123'); // rings and never answers
  await waitFor(() => status(id), (found) => found?.status === 'RINGING', 'the ringing');

  await simPost(t.simUrl, '/sim/ws/drop');
  await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 }); // a cause that would read "normal"

  const ended = await waitFor(() => status(id), (found) => found?.status === 'HANGUP', 'the reconciled hangup');
  expect(ended).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'NOANSWER', hangupReconciled: true, hangupDetail: expect.stringContaining('last known status: ringing') });
});

it('leaves a call ended by its own channel event unmarked', async () => {
  const id = await call('+15550001123'); // busy at once
  const ended = await waitFor(() => status(id), (found) => found?.status === 'HANGUP', 'the hangup');
  expect(ended).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'BUSY', hangupReconciled: false, hangupDetail: null });
});

it('dials a channel whose StasisStart came while no one listened, once', async () => {
  const telephony = queueOf(t, TELEPHONY_QUEUE);
  await simPost(t.simUrl, '/sim/settings', { hold_stasis_start: true });
  let id: string;
  try {
    id = await call('+15559870456');
    await waitFor(() => simChannel(t.simUrl, id), (record) => record?.state === 'Down', 'the channel');
    await waitFor(() => telephony.queue.getJob(`originate_${id}`), (job) => job?.finishedOn !== undefined, 'the originate job');
  } finally {
    await simPost(t.simUrl, '/sim/settings', { hold_stasis_start: false });
    await telephony.close();
  }
  // The channel enters the application while the event stream is down: its StasisStart is lost.
  await simPost(t.simUrl, '/sim/ws/drop');
  expect((await simPost(t.simUrl, `/sim/channels/${id}/stasis-start`)).status).toBe(204);

  const answered = await waitFor(() => status(id), (found) => found?.status === 'PROGRESSING', 'the answer after reconciliation dialled it');
  expect(answered?.hangupReconciled).toBe(false);
  expect(await simChannel(t.simUrl, id)).toMatchObject({ state: 'Up', dial_status: 'ANSWER' });
  // A second reconciliation finds it dialled (and up): nothing is dialled twice.
  await simPost(t.simUrl, '/sim/ws/drop');
  await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 });
  expect(await waitFor(() => status(id), (found) => found?.status === 'HANGUP', 'the hangup')).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'NORMAL' });
});
