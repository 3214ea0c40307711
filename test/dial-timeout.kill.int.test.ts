import { Client } from 'pg';
import type { RunningSimulator } from '../src/telephony/simulator';
import { createCalls, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simChannel, startStandaloneSimulator } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * A call's dial timeout does not live in the worker that dialled it: the API runs here, the
 * workers are real processes. The first one dials the calls and is SIGKILLed while they ring;
 * its sweep is set never to come round, so only another worker can end them. The second one's
 * sweep ends each at its deadline (the one its insert stored), once.
 */
jest.setTimeout(120_000); // two worker processes compile the sources on the fly: slow on a busy machine
let t: TestApp;
let sim: RunningSimulator;
let pg: Client;
const workers: WorkerProcess[] = [];
const CALLS = 4;

beforeAll(async () => {
  t = await startTestApp({}, 'api');
  sim = await startStandaloneSimulator(t.config);
  pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
});
afterAll(async () => {
  for (const worker of workers) await worker.kill('SIGKILL');
  await pg?.end();
  await t?.stop();
  await sim?.close();
});

const startWorker = (env: Record<string, string> = {}): WorkerProcess => {
  const worker = spawnWorker(workerEnv(t.config, sim.url, { LOG_LEVEL: 'silent', ...env }));
  workers.push(worker);
  return worker;
};

it('ends the calls a killed worker left ringing at their deadline, through another worker, once each', async () => {
  const first = startWorker({ DIAL_TIMEOUT_SWEEP_MS: String(3_600_000) });
  const made = await createCalls(t, {
    source: { type: 'tel', target: TEST_SOURCE_NUMBER },
    destinations: Array.from({ length: CALLS }, (_, index) => ({ type: 'tel', target: `+15550002${String(400 + index)}` })), // ring, never answer
    dial_timeout: 600_000,
  });
  const ids = made.map((call) => call.id as string);
  for (const id of ids) await waitForCall(t, id, (call) => call.status === 'ringing', `call ${id} to ring`, 90_000);
  await first.kill('SIGKILL');
  for (const id of ids) expect((await simChannel(sim.url, id))?.state).toBe('Ringing');
  // Their deadline passes while no worker is up. Brought forward rather than waited out: a short
  // dial_timeout would race the media server's own dial timeout (5 s after it) against the start
  // of the next worker, and the far end's giving up is not what is tested here.
  await pg.query('UPDATE calls SET dial_deadline = now() WHERE id = ANY($1::uuid[])', [ids]);

  startWorker();
  for (const id of ids) {
    expect(await waitForHangup(t, id, 90_000)).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout' });
    const events = ((await rest(t, 'GET', `/calls/${id}/events`)).body.result as Json[]).map((event) => event.type);
    expect(events).toEqual(['call_created', 'call_ringing', 'call_updated', 'call_hungup']);
  }
  const { rows } = await pg.query<{ after: boolean }>('SELECT tm_hangup >= dial_deadline AS after FROM calls WHERE id = ANY($1::uuid[])', [ids]);
  expect(rows.map((row) => row.after)).toEqual(ids.map(() => true));
});
