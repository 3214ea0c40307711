import { createCalls, waitForCall } from './support/flows';
import { reactionKillKit } from './support/reaction-kill';
import { rest } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { TEST_SOURCE_NUMBER } from './support/test-app';

/**
 * The next attempt of a failover survives a crash: the worker is killed after the failed attempt
 * was committed (the call moved on to its second provider) and before that provider's channel was
 * made (a test hook holds the failover-dial reaction there); after a restart the second provider
 * is dialled, once, and the call answers on it.
 */
const { app, sim, holdReaction } = reactionKillKit();

it('dials the next provider exactly once after the worker died between the failed attempt and the next one', async () => {
  const t = app();
  const providers: string[] = [];
  for (const name of ['kill-a', 'kill-b']) {
    providers.push((await rest(t, 'POST', '/providers', { name, endpoint: `PJSIP/{target}@${name}` })).body.id as string);
  }
  for (const [index, providerId] of providers.entries()) {
    expect((await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, provider_id: providerId, priority: index, target: '1666' })).status).toBe(200);
  }
  expect((await simPost(sim().url, '/sim/far-ends', { endpoint: 'PJSIP/{target}@kill-a', dial_status: 'CONGESTION' })).status).toBe(204);

  const failoverDial = holdReaction('failover-dial');
  const [call] = await createCalls(t, { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+16665550100' }],
    // The dial timeout bounds the whole call: long enough for a worker restart on a busy machine.
    dial_timeout: 600_000,
  });
  const callId = call!.id as string;
  await failoverDial.held(callId);
  // The failed attempt is committed; the second provider's channel is not made.
  const between = (await rest(t, 'GET', `/calls/${callId}`)).body;
  expect(between.status).toBe('dialing');
  expect(between.attempts.map((attempt: { cause: number }) => attempt.cause)).toEqual([34, 0]);
  expect(await simChannel(sim().url, `${callId}-2`)).toBeNull();
  await failoverDial.crash();

  const answered = await waitForCall(t, callId, (found) => found.status === 'progressing', 'the answer on the second provider', 90_000);
  expect(answered.attempts).toEqual([
    expect.objectContaining({ provider_id: providers[0], cause: 34, hangup_reason: 'failed' }),
    expect.objectContaining({ provider_id: providers[1], hangup_reason: '' }),
  ]);
  expect((await simChannel(sim().url, `${callId}-2`))?.endpoint).toBe('PJSIP/+16665550100@kill-b');
  expect(await simChannel(sim().url, `${callId}-3`)).toBeNull();
});
