import { rest, type Json } from './support/rest';
import { farEnd, heard, waitForActiveflow, waitForHangup } from './support/flows';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Incoming channels named the way a real Asterisk names them ("1795462354.30", see
 * test/fixtures/ari-traces/inbound-pjsip-ring-answer-remote-bye.json), not UUIDs: the call gets
 * its own UUID, and every media request and event is translated through its channel id.
 */
let t: TestApp;
let sequence = 0;
beforeAll(async () => {
  t = await startTestApp();
  const actions = [{ type: 'answer' }, { type: 'talk', option: { text: 'Hello from the flow.', language: 'en-US' } }, { type: 'sleep', option: { duration: 3_600_000 } }];
  const flow = await rest(t, 'POST', '/flows', { name: 'asterisk ids', actions });
  expect((await rest(t, 'POST', '/numbers', { number: '+15558884321', call_flow_id: flow.body.id })).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Dials the number from a caller of its own with an Asterisk-style channel id; answers the channel id and the call, once it talks. */
async function dialIn(): Promise<{ channelId: string; call: Json }> {
  sequence += 1;
  const channelId = `1795462354.${30 + sequence}`;
  const caller = `+1555777${String(sequence).padStart(4, '0')}`;
  const dialed = await simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: caller }, destination: { type: 'tel', target: '+15558884321' }, channel_id: channelId });
  expect(dialed.status).toBe(201);
  expect(((await dialed.json()) as { channel_id: string }).channel_id).toBe(channelId);
  const found = await waitFor(
    async () => ((await rest(t, 'GET', '/calls')).body.result as Json[]).find((call) => call.source.target === caller) ?? null,
    (call) => call !== null,
    'the incoming call',
  );
  // The flow answered and its talk reached the caller: answer and play went to the channel id.
  await waitFor(() => farEnd(t, channelId), (channel) => heard(channel).includes('Hello from the flow.'), 'the caller to hear the talk');
  return { channelId, call: found as Json };
}

test('a call from an Asterisk-named channel gets a UUID of its own and runs its number’s flow', async () => {
  const { channelId, call } = await dialIn();
  expect(call.id).toMatch(UUID);
  expect(call.id).not.toBe(channelId);
  expect(call).toMatchObject({ direction: 'incoming', destination: { target: '+15558884321' } });
  // The answer came back as an event of the channel id and moved the call.
  const answered = await waitFor(async () => (await rest(t, 'GET', `/calls/${call.id}`)).body, (c) => c.status === 'progressing', 'the call to be answered');
  expect(answered.tm_progressing).not.toBe('9999-01-01 00:00:00.000000');
  expect((await farEnd(t, channelId))?.answered_at).not.toBeNull();
  const flow = await waitForActiveflow(t, call.id, (f) => f.executed_actions.length >= 2, 'the flow to reach its sleep');
  expect(flow.executed_actions.map((action: Json) => action.type).slice(0, 2)).toEqual(['answer', 'talk']);
});

test('it ends when the caller hangs up: hangup, by remote', async () => {
  const { channelId, call } = await dialIn();
  expect((await simPost(t.simUrl, `/sim/channels/${channelId}/hangup`, { cause: 16 })).status).toBe(204);
  expect(await waitForHangup(t, call.id)).toMatchObject({ hangup_by: 'remote', hangup_reason: 'normal' });
});

test('the API hangs it up: the caller’s channel ends with cause 16, and the call by local', async () => {
  const { channelId, call } = await dialIn();
  expect((await rest(t, 'POST', `/calls/${call.id}/hangup`)).status).toBe(200);
  expect(await waitForHangup(t, call.id)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(await farEnd(t, channelId)).toMatchObject({ state: 'Destroyed', hangup_by: 'application', hangup_cause: 16 });
});

test('a media control reaches the channel: hold is heard by the caller', async () => {
  const { channelId, call } = await dialIn();
  await waitFor(async () => (await rest(t, 'GET', `/calls/${call.id}`)).body, (c) => c.status === 'progressing', 'the call to be answered');
  const held = await rest(t, 'POST', `/calls/${call.id}/hold`);
  expect(held.body).toMatchObject({ id: call.id, hold: true });
  expect(await farEnd(t, channelId)).toMatchObject({ hold: true });
});

test('the simulator refuses a channel_id that is not an id', async () => {
  const dialed = await simPost(t.simUrl, '/sim/calls', { source: { target: '+15557770000' }, destination: { target: '+15558884321' }, channel_id: 'no spaces/here' });
  expect(dialed.status).toBe(400);
});

test('reconciling after a reconnect matches the call to its channel by channel id: the live call stays up', async () => {
  const { channelId, call } = await dialIn();
  await waitFor(async () => (await rest(t, 'GET', `/calls/${call.id}`)).body, (c) => c.status === 'progressing', 'the call to be answered');
  // First reconnect: its reconcile sees the Asterisk-named channel. A marker call (a UUID
  // channel) made once the product listens again then drops out during a second reconnect;
  // reconciles run one after another, so once the marker is reconciled as ended the first
  // reconcile is long done.
  await simPost(t.simUrl, '/sim/ws/drop');
  const marker = await waitFor(
    () => simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: '+15557779999' }, destination: { type: 'tel', target: '+15558884321' } }),
    (response) => response.status === 201,
    'the product to listen again',
  );
  const markerId = ((await marker.json()) as { channel_id: string }).channel_id;
  await waitFor(async () => (await rest(t, 'GET', `/calls/${markerId}`)).body, (c) => c.status === 'progressing', 'the marker call to be answered');
  await simPost(t.simUrl, '/sim/ws/drop');
  await simPost(t.simUrl, `/sim/channels/${markerId}/hangup`, { cause: 16 });
  await waitForHangup(t, markerId);

  expect((await rest(t, 'GET', `/calls/${call.id}`)).body).toMatchObject({ status: 'progressing' });
  expect((await farEnd(t, channelId))?.state).toBe('Up');
});
