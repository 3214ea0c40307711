import { CreateCallsDocument, GetCallDocument, HangupCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { ASTERISK_ARI_URL, asteriskEnv } from './support/asterisk';

/**
 * The product against a real Asterisk, run only when ASTERISK_ARI_URL points at one whose
 * dialplan has the `sandbox` context of docker/asterisk/extensions.conf (docker compose up asterisk).
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;

suite('against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(asteriskEnv('opencall-test'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const call = async (target: string) =>
    (await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target }] } })).data!.createCalls[0]!.id;
  const get = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id })).data?.call;

  it('answers, then hangs up locally with local/normal', async () => {
    const id = await call('+15559876543');
    await waitFor(() => get(id), (c) => c?.status === 'PROGRESSING', 'the answer', 30_000);
    await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id });
    expect(await waitFor(() => get(id), (c) => c?.status === 'HANGUP', 'the hangup', 30_000)).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'NORMAL' });
  });

  it('reports a busy far end as remote/busy', async () => {
    const id = await call('+15550001001');
    expect(await waitFor(() => get(id), (c) => c?.status === 'HANGUP', 'the hangup', 30_000)).toMatchObject({ hangupBy: 'REMOTE', hangupReason: 'BUSY' });
  });
});
