import { CallAttemptsDocument, CreateCallsDocument, CreateProviderDocument, CreateRouteDocument, HangupCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { ASTERISK_ARI_URL, asteriskEnv, asteriskVariable } from './support/asterisk';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Route failover against a real Asterisk (only with ASTERISK_ARI_URL, whose dialplan has the
 * `[provider-congested]`, `[provider-down]` and `[sandbox]` contexts of docker/asterisk/extensions.conf):
 * the first provider is congested (34), the second out of order (38), the third answers, all on one call,
 * its channel made with the third provider's codecs.
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;

suite('route failover against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(asteriskEnv('opencall-failover'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  const admin = <T, V>(document: Parameters<typeof graphql<T, V>>[2], variables: V) => graphql(t.baseUrl, t.accessKey, document, variables);

  it('fails over congestion and cause 38 and answers on the third provider, on the same call', async () => {
    const providers: string[] = [];
    for (const [name, endpoint, codecs] of [
      ['congested', 'Local/{target}@provider-congested', 'ulaw'],
      ['down', 'Local/{target}@provider-down', ''],
      ['sandbox', 'Local/{target}@sandbox', 'PCMA'],
    ]) {
      providers.push((await admin(CreateProviderDocument, { input: { name, endpoint, codecs } })).data!.createProvider.id);
    }
    for (const [priority, providerId] of providers.entries()) {
      const route = await admin(CreateRouteDocument, { input: { customerId: t.app.bootstrap!.customerId, providerId, priority, target: '1555999' } });
      expect(route.errors).toBeUndefined();
    }
    const made = await admin(CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559990503' }] } });
    const id = made.data!.createCalls[0]!.id;
    const answered = await waitFor(async () => (await admin(CallAttemptsDocument, { id })).data?.call, (call) => call?.status === 'PROGRESSING' || call?.status === 'HANGUP', 'the answer', 30_000);
    expect(answered).toMatchObject({ status: 'PROGRESSING' });
    expect(answered!.attempts.map((attempt) => [attempt.providerId, attempt.cause, attempt.hangupReason])).toEqual([
      [providers[0], 34, 'FAILED'],
      [providers[1], 38, 'FAILED'],
      [providers[2], null, null],
    ]);
    // The create's formats (PCMA → alaw) are the channel's native formats: a Local channel takes
    // the requested ones (without formats, channels/create requests every audio format).
    expect(await asteriskVariable(`${id}-3`, 'CHANNEL(audionativeformat)')).toBe('(alaw)');
    await admin(HangupCallDocument, { id });
    const ended = await waitFor(async () => (await admin(CallAttemptsDocument, { id })).data?.call, (call) => call?.status === 'HANGUP', 'the hangup', 30_000);
    expect(ended).toMatchObject({ hangupReason: 'NORMAL' });
    expect(ended!.attempts[2]).toMatchObject({ hangupReason: 'NORMAL' });
  });
});
