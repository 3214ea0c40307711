import type { RunningSimulator } from '../src/telephony/simulator';
import { createCalls, heard, waitForHangup } from './support/flows';
import { rest } from './support/rest';
import { simChannel, startStandaloneSimulator } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * A reaction survives a crash: the worker process is killed after the call's answer committed and
 * before its flow started (a test hook holds the flow-start reaction in that window), and after a
 * restart the flow runs, exactly once.
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
  // A killed worker's reaction job goes to another one a second later.
  const worker = spawnWorker(workerEnv(t.config, sim.url, { REACTION_LOCK_MS: '1000', LOG_LEVEL: 'silent', ...env }));
  workers.push(worker);
  return worker;
};

it('starts the flow exactly once after the worker died between the answer and the flow start', async () => {
  const first = startWorker({ TEST_HOOK_HOLD_REACTION: 'flow-start' });
  const held = first.line(/^reaction held /);
  const [call] = await createCalls(t, {
    source: { type: 'tel', target: '+15551234567' },
    destinations: [{ type: 'tel', target: '+15557771001' }],
    // A play, not a talk: with ARI_URL set the worker would synthesize speech with espeak-ng.
    actions: [{ type: 'play', option: { stream_urls: ['https://media.example.com/once.wav'] } }, { type: 'hangup' }],
  });
  const callId = call!.id as string;
  const line = await held;
  expect(line).toContain(`reaction_flow-start_${callId}_`);
  // The answer is committed; the flow has not started.
  expect((await rest(t, 'GET', `/calls/${callId}`)).body.status).toBe('progressing');
  expect((await rest(t, 'GET', '/activeflows')).body.result).toEqual([]);
  await first.kill('SIGKILL');

  startWorker();
  const ended = await waitForHangup(t, callId, 30_000);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(heard(await simChannel(sim.url, callId))).toEqual(['sound:https://media.example.com/once.wav']);
  const flows = (await rest(t, 'GET', '/activeflows')).body.result as { reference_id: string }[];
  expect(flows.filter((flow) => flow.reference_id === callId)).toHaveLength(1);
});
