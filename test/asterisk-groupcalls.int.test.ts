import { ASTERISK_ARI_URL, asteriskAri, asteriskEnv } from './support/asterisk';
import { rest, type Json } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * A ring_all groupcall against a real Asterisk (only with ASTERISK_ARI_URL, with the `[sandbox]`
 * context of docker/asterisk/extensions.conf): a leg that answers wins, the one that only rings is
 * cancelled and its channel is gone from Asterisk, and the groupcall ends once.
 */
const suite = ASTERISK_ARI_URL ? describe : describe.skip;

suite('a ring_all groupcall against a real Asterisk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(asteriskEnv('opencall-groupcalls'));
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers on the leg that answers, cancels the ringing one, and ends once', async () => {
    const created = await rest(t, 'POST', '/groupcalls', {
      source: { type: 'tel', target: '+15551234567' },
      destinations: [{ type: 'tel', target: '+15550002101' }, { type: 'tel', target: '+15559990601' }],
      actions: [{ type: 'sleep', option: { duration: 60000 } }],
      ring_method: 'ring_all',
      answer_method: 'hangup_others',
    });
    expect(created.status).toBe(200);
    const [ringing, answering] = created.body.call_ids as string[];
    const answered = await waitFor(async () => (await rest(t, 'GET', `/groupcalls/${created.body.id}`)).body as Json, (groupcall) => groupcall.answer_call_id === answering, 'the answering leg to win', 30_000);
    expect(answered.status).toBe('progressing');
    const loser = await waitFor(async () => (await rest(t, 'GET', `/calls/${ringing}`)).body as Json, (call) => call.status === 'hangup', 'the ringing leg to end', 30_000);
    expect([loser.hangup_by, loser.hangup_reason]).toEqual(['local', 'cancel']);
    const channels = (await asteriskAri('GET', '/channels')).body as { id: string }[];
    expect(channels.map((channel) => channel.id)).not.toContain(loser.channel_id ?? ringing);

    expect((await rest(t, 'POST', `/groupcalls/${created.body.id}/hangup`)).status).toBe(200);
    await waitFor(async () => (await rest(t, 'GET', `/groupcalls/${created.body.id}`)).body as Json, (groupcall) => groupcall.status === 'hangup', 'the groupcall to end', 30_000);
    const history = (await rest(t, 'GET', `/groupcalls/${created.body.id}/events?page_size=100`)).body.result as Json[];
    expect(history.filter((event) => event.type === 'groupcall_hangup')).toHaveLength(1);
  });
});
