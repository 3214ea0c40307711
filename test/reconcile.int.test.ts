import { CreateCallsDocument, GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { simPost } from './support/sim';
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
