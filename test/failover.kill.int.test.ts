import type { RunningSimulator } from '../src/telephony/simulator';
import { createCalls, waitForCall } from './support/flows';
import { rest } from './support/rest';
import { simChannel, simPost, startStandaloneSimulator } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * The next attempt of a failover survives a crash: the worker is killed after the failed attempt
 * was committed (the call moved on to its second provider) and before that provider's channel was
 * made (a test hook holds the failover-dial reaction there); after a restart the second provider
 * is dialled, once, and the call answers on it.
 */
// Two worker processes start (each compiles the sources on the fly): slow on a busy machine.
jest.setTimeout(120_000);

let t: TestApp;
let sim: RunningSimulator;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  t = await startTestApp({}, 'api');
  sim = await startStandaloneSimulator(t.config);
});
afterAll(async () => {
  for (const worker of workers) await worker.kill('SIGKILL');
  await t?.stop();
  await sim?.close();
});

const startWorker = (env: Record<string, string> = {}) => {
  const worker = spawnWorker(workerEnv(t.config, sim.url, { REACTION_LOCK_MS: '1000', LOG_LEVEL: 'silent', ...env }));
  workers.push(worker);
  return worker;
};

it('dials the next provider exactly once after the worker died between the failed attempt and the next one', async () => {
  const providers: string[] = [];
  for (const name of ['kill-a', 'kill-b']) {
    providers.push((await rest(t, 'POST', '/providers', { name, endpoint: `PJSIP/{target}@${name}` })).body.id as string);
  }
  for (const [index, providerId] of providers.entries()) {
    expect((await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, provider_id: providerId, priority: index, target: '1666' })).status).toBe(200);
  }
  expect((await simPost(sim.url, '/sim/far-ends', { endpoint: 'PJSIP/{target}@kill-a', dial_status: 'CONGESTION' })).status).toBe(204);

  const first = startWorker({ TEST_HOOK_HOLD_REACTION: 'failover-dial' });
  const held = first.line(/^reaction held /);
  const [call] = await createCalls(t, { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+16665550100' }],
    // The dial timeout bounds the whole call: long enough for a worker restart on a busy machine.
    dial_timeout: 600_000,
  });
  const callId = call!.id as string;
  expect(await held).toContain(`reaction_failover-dial_${callId}_`);
  // The failed attempt is committed; the second provider's channel is not made.
  const between = (await rest(t, 'GET', `/calls/${callId}`)).body;
  expect(between.status).toBe('dialing');
  expect(between.attempts.map((attempt: { cause: number }) => attempt.cause)).toEqual([34, 0]);
  expect(await simChannel(sim.url, `${callId}-2`)).toBeNull();
  await first.kill('SIGKILL');

  startWorker();
  const answered = await waitForCall(t, callId, (found) => found.status === 'progressing', 'the answer on the second provider', 90_000);
  expect(answered.attempts).toEqual([
    expect.objectContaining({ provider_id: providers[0], cause: 34, hangup_reason: 'failed' }),
    expect.objectContaining({ provider_id: providers[1], hangup_reason: '' }),
  ]);
  expect((await simChannel(sim.url, `${callId}-2`))?.endpoint).toBe('PJSIP/+16665550100@kill-b');
  expect(await simChannel(sim.url, `${callId}-3`)).toBeNull();
});
