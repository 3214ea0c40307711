import { CreateCallsDocument, GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Events lost while the ARI event stream is down are made good by reconciling at reconnect. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const status = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id })).data?.call;

it('ends a call whose channel hung up while the product was not listening', async () => {
  const created = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
    input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559870123' }] },
  });
  const id = created.data!.createCalls[0]!.id;
  await waitFor(() => status(id), (call) => call?.status === 'PROGRESSING', 'the answer');

  // The event socket drops, and the far end hangs up before ari-client has reconnected.
  await simPost(t.simUrl, '/sim/ws/drop');
  await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 16 });

  const ended = await waitFor(() => status(id), (call) => call?.status === 'HANGUP', 'the reconciled hangup');
  expect(ended).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'NORMAL' });
});
