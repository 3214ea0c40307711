import { loadConfig } from '../src/config';
import type { RunningSimulator } from '../src/telephony/simulator';
import { rest } from './support/rest';
import { startStandaloneSimulator } from './support/sim';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * An originate that still cannot be made after its retries (the media server unreachable) ends
 * the call at once as failed, with the reason recorded, instead of leaving it dialing until its
 * dial timeout and then calling it a dial-out timeout though it never rang.
 */
let sim: RunningSimulator;
let proxy: TcpProxy;
let t: TestApp;
beforeAll(async () => {
  sim = await startStandaloneSimulator(loadConfig({})); // the default ARI credentials, as the app's
  proxy = await startTcpProxy(Number(new URL(sim.url).port));
  t = await startTestApp({ ARI_URL: `http://127.0.0.1:${proxy.port}`, ARI_REQUEST_TIMEOUT_MS: '500' });
});
afterAll(async () => {
  await proxy?.restore(); // the media server back, so the app stops as it would normally
  await t?.stop();
  await proxy?.close();
  await sim?.close();
});

it('ends a call whose originate fails on every attempt: local, failed, the error in hangup_detail', async () => {
  await proxy.cut(); // the media server is out of reach from now on
  const created = await rest(t, 'POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559871234' }], dial_timeout: 600_000 });
  expect(created.status).toBe(200);
  const id = (created.body.calls as { id: string }[])[0]!.id;

  // The dial timeout is ten minutes away: only the failed originate can end the call in time.
  const ended = await waitFor(async () => (await rest(t, 'GET', `/calls/${id}`)).body, (call) => call.status === 'hangup', 'the failed call to end', 60_000);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'failed', hangup_reconciled: false, tm_ringing: '9999-01-01 00:00:00.000000' });
  expect(ended.hangup_detail).toMatch(/^The call could not be originated after 5 attempts: /);

  const history = (await rest(t, 'GET', `/calls/${id}/events`)).body.result as { type: string }[];
  expect(history.map((event) => event.type)).toEqual(['call_created', 'call_hungup']);
});
