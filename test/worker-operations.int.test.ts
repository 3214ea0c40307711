import type { RunningSimulator } from '../src/telephony/simulator';
import { garbledRequest, oversizedRequest, rawRequest } from './support/raw-http';
import { restCall } from './support/rest-client';
import { startStandaloneSimulator } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { spawnWorker, workerEnv, type WorkerProcess } from './support/worker-process';

/**
 * A worker-only process serves its own /healthz, /readyz and /metrics: the counters of what it
 * does (events it dispatched) are in its scrape, not the API's.
 */
let t: TestApp;
let sim: RunningSimulator;
let worker: WorkerProcess;
let workerUrl: string;

beforeAll(async () => {
  t = await startTestApp({}, 'api');
  sim = await startStandaloneSimulator(t.config);
  worker = spawnWorker(workerEnv(t.config, sim.url, { LOG_LEVEL: 'info', LOG_FORMAT: 'json' }));
  const started = await worker.line(/\/metrics on http:\/\/localhost:\d+/);
  workerUrl = `http://127.0.0.1:${/localhost:(\d+)/.exec(started)![1]}`;
}, 60_000);
afterAll(async () => {
  await worker?.kill('SIGKILL');
  await t?.stop();
  await sim?.close();
});

const get = async (base: string, path: string) => {
  const response = await fetch(new URL(path, base));
  return { status: response.status, text: await response.text() };
};
const dispatched = (text: string, type: string) => Number(new RegExp(`^opencall_events_dispatched_total\\{type="${type}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);

it('says it lives and is ready, naming what it checked', async () => {
  expect((await get(workerUrl, '/healthz')).status).toBe(200);
  const ready = await get(workerUrl, '/readyz');
  expect(ready.status).toBe(200);
  expect(JSON.parse(ready.text)).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', media_server: 'ok' } });
});

it("counts the events it dispatched in its own scrape, where the API's has none", async () => {
  const created = await restCall(t.baseUrl, t.accessKey, 'POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15557770001' }] });
  expect(created.status).toBe(200);
  const scrape = await waitFor(() => get(workerUrl, '/metrics'), (answer) => dispatched(answer.text, 'call_created') >= 1, 'the worker to count call_created');
  expect(scrape.text).toMatch(/^opencall_process_cpu_seconds_total/m);
  expect(dispatched((await get(t.baseUrl, '/metrics')).text, 'call_created')).toBe(0);
});

describe('a request its HTTP parser refuses is answered as the API answers it, in REST\'s error body', () => {
  it.each(['/healthz', '/readyz', '/metrics'])('a ~200 kB request line to %s is 431 HEADERS_TOO_LARGE', async (path) => {
    const answer = await rawRequest(workerUrl, oversizedRequest('GET', path));
    expect({ status: answer.status, type: answer.headers['content-type'], error: answer.body.error }).toEqual({
      status: 431,
      type: 'application/json',
      error: { status: 'INVALID_ARGUMENT', reason: 'HEADERS_TOO_LARGE', message: expect.stringMatching(/request line and headers are too large/), request_id: expect.stringMatching(/^req_/) },
    });
  });

  it('a request line that is not HTTP/1.1 is 400 MALFORMED_REQUEST', async () => {
    const answer = await rawRequest(workerUrl, garbledRequest('/healthz'));
    expect({ status: answer.status, reason: answer.body.error?.reason, message: answer.body.error?.message }).toEqual({ status: 400, reason: 'MALFORMED_REQUEST', message: expect.stringMatching(/not valid HTTP/) });
  });

  it('still answers after them', async () => {
    expect((await get(workerUrl, '/healthz')).status).toBe(200);
  });
});
