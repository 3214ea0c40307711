import { rest } from './support/rest';
import { farEnd, heard, waitForActiveflow, waitForHangup } from './support/flows';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

test('an incoming call to a number runs the number\'s flow: answered, the caller hears it, the flow\'s hangup ends the call', async () => {
  const actions = [{ type: 'answer' }, { type: 'talk', option: { text: 'Welcome, ${voipbin.call.source.target}.', language: 'en-US' } }, { type: 'hangup' }];
  const flow = await rest(t, 'POST', '/flows', { name: 'reception', actions });
  expect(flow.status).toBe(200);
  expect((await rest(t, 'POST', '/numbers', { number: '+15558881234', call_flow_id: flow.body.id })).status).toBe(200);

  const dialed = await simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: '+15557770042' }, destination: { type: 'tel', target: '+15558881234' } });
  const channelId = ((await dialed.json()) as { channel_id: string }).channel_id;
  await waitFor(() => rest(t, 'GET', `/calls/${channelId}`), (answer) => answer.status === 200, 'the incoming call');

  const ended = await waitForHangup(t, channelId);
  expect(ended).toMatchObject({ direction: 'incoming', flow_id: flow.body.id, hangup_by: 'local', hangup_reason: 'normal' });
  expect(ended.tm_progressing).not.toBe('9999-01-01 00:00:00.000000'); // the answer action answered it
  const caller = await farEnd(t, channelId);
  expect(caller?.answered_at).not.toBeNull();
  expect(heard(caller)).toEqual(['Welcome, +15557770042.']);
  const activeflow = await waitForActiveflow(t, channelId, (f) => f.status === 'ended', 'the flow to end');
  expect(activeflow.executed_actions.map((action: { type: string }) => action.type)).toEqual(['answer', 'talk', 'hangup']);
});
