import type { RunningSimulator } from '../src/telephony/simulator';
import { createCalls, press, waitForCall } from './support/flows';
import { rest } from './support/rest';
import { simChannel, startStandaloneSimulator } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * One ARI event consumer per media server, any number of workers: three worker processes, one
 * hears the events (the leader); it is SIGKILLed while calls run, a standby takes over and
 * reconciles, and every call still ends exactly once. A fourth worker started later stands by.
 */
// Four worker processes start (each compiles the sources on the fly): slow on a busy machine.
jest.setTimeout(180_000);

let t: TestApp;
let sim: RunningSimulator;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  t = await startTestApp({}, 'api');
  sim = await startStandaloneSimulator(t.config, { remoteHangupMs: 400 });
});
afterAll(async () => {
  for (const worker of workers) await worker.kill('SIGKILL');
  await t?.stop();
  await sim?.close();
});

const LEADS = /this process now hears the ARI events/;
const STANDS_BY = /standing by for the ARI events/;

const startWorker = () => {
  const worker = spawnWorker(workerEnv(t.config, sim.url, { ARI_LEADER_POLL_MS: '200', REACTION_LOCK_MS: '1000', LOG_LEVEL: 'info' }));
  workers.push(worker);
  return worker;
};

/** The worker's role once it has tried for the lock. */
const roleOf = async (worker: WorkerProcess) => (LEADS.test(await worker.line(new RegExp(`${LEADS.source}|${STANDS_BY.source}`))) ? 'leader' : 'standby');

const SOURCE = { type: 'tel', target: '+15551234567' };
/** A call that waits for one key, then hangs up (local, normal). */
const keyCall = async (target: string) =>
  (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target }], actions: [{ type: 'digits_receive', option: { duration: 600000, length: 1 } }, { type: 'hangup' }] }))[0]!.id as string;
/** A call the far end hangs up soon after answering (remote, normal). */
const remoteCall = async (target: string) => (await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target }] }))[0]!.id as string;

async function expectEndedOnce(callId: string, by: string) {
  const call = await waitForCall(t, callId, (c) => c.status === 'hangup', `call ${callId} to end`, 30_000);
  expect(call).toMatchObject({ hangup_by: by, hangup_reason: 'normal' });
  const history = (await rest(t, 'GET', `/calls/${callId}/events`)).body.result as { type: string }[];
  expect(history.filter((event) => event.type === 'call_hungup')).toHaveLength(1);
  expect((await simChannel(sim.url, callId))?.state).toBe('Destroyed');
}

it('keeps every call going when the leader dies, and a late worker does not take the events', async () => {
  const first = [startWorker(), startWorker(), startWorker()];
  const roles = await Promise.all(first.map(roleOf));
  expect(roles.filter((role) => role === 'leader')).toHaveLength(1);
  const leader = first[roles.indexOf('leader')]!;
  const standbys = first.filter((worker) => worker !== leader);

  const waiting = await Promise.all(['+15557774001', '+15557774002', '+15557774003', '+15557774004'].map(keyCall));
  for (const id of waiting) await waitForCall(t, id, (c) => c.status === 'progressing' && (c.action as { type?: string } | undefined)?.type === 'digits_receive', 'the flow to wait for a key');
  const hangingUp = await Promise.all(['+15550005401', '+15550005402', '+15550005403'].map(remoteCall));
  await Promise.all(hangingUp.map((id) => waitForCall(t, id, (c) => c.status === 'progressing', 'the answer')));

  await leader.kill('SIGKILL'); // the far ends of hangingUp hang up around now: their events may be lost
  const next = await Promise.race(standbys.map(async (worker) => (await worker.line(LEADS), worker)));
  for (const id of waiting) await press({ simUrl: sim.url } as TestApp, id, '1');
  for (const id of waiting) await expectEndedOnce(id, 'local');
  for (const id of hangingUp) await expectEndedOnce(id, 'remote');

  const late = startWorker();
  expect(await roleOf(late)).toBe('standby');
  const after = await keyCall('+15557774005');
  await waitForCall(t, after, (c) => (c.action as { type?: string } | undefined)?.type === 'digits_receive', 'the flow to wait for a key');
  await press({ simUrl: sim.url } as TestApp, after, '1');
  await expectEndedOnce(after, 'local');
  expect(late.lines.some((line) => LEADS.test(line))).toBe(false);
  expect(next.lines.some((line) => /another connection took the ARI application/.test(line))).toBe(false);
  // One leader at a time: the standby that did not take over never led.
  expect(standbys.filter((worker) => worker !== next).some((worker) => worker.lines.some((line) => LEADS.test(line)))).toBe(false);
});
