import { restClient } from './support/rest-client';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** /healthz, /readyz and /metrics over real HTTP; Redis reached through a proxy the test cuts. */
let t: TestApp;
let proxy: TcpProxy;
beforeAll(async () => {
  const redis = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  proxy = await startTcpProxy(Number(redis.port || 6379), redis.hostname);
  t = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
});
afterAll(async () => {
  await proxy?.restore();
  await t?.stop();
  await proxy?.close();
});

const get = async (path: string) => {
  const response = await fetch(new URL(path, t.baseUrl));
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as { status: string; checks: Record<string, string> } };
};

it('says the process lives on /healthz, without credentials', async () => {
  const answer = await get('/healthz');
  expect(answer.status).toBe(200);
  expect(answer.json().status).toBe('ok');
});

it('is ready when Postgres, Redis and the media server answer', async () => {
  const answer = await get('/readyz');
  expect(answer.status).toBe(200);
  expect(answer.json()).toEqual({ status: 'ready', checks: { postgres: 'ok', redis: 'ok', media_server: 'ok' } });
});

it('answers 503 naming Redis while Redis cannot be reached, and is ready again after', async () => {
  await proxy.cut();
  const down = await waitFor(() => get('/readyz'), (answer) => answer.status === 503, 'readyz to fail');
  expect(down.json().status).toBe('unavailable: redis');
  expect(down.json().checks.redis).not.toBe('ok');
  expect(down.json().checks.postgres).toBe('ok');
  await proxy.restore();
  await waitFor(() => get('/readyz'), (answer) => answer.status === 200, 'readyz to recover');
});

const sample = (text: string, name: string, labels: string): number | null => {
  const line = text.split('\n').find((entry) => entry.startsWith(`${name}{${labels}}`) || (labels === '' && entry.startsWith(`${name} `)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
};

it('exposes Prometheus metrics of calls, events, queues and requests', async () => {
  const rest = restClient(t.baseUrl, t.accessKey);
  const made = await rest('POST', '/calls', { body: { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15559876543' }] } });
  expect(made.status).toBe(200);
  const callId = made.body.calls[0].id as string;
  await waitFor(() => rest('GET', `/calls/${callId}`), (answer) => answer.body.status === 'progressing', 'the call to be answered');
  await fetch(new URL('/graphql', t.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` }, body: JSON.stringify({ query: '{ calls(first: 1) { edges { node { id } } } }' }) });

  const metrics = await waitFor(() => get('/metrics'), (answer) => (sample(answer.text, 'opencall_events_dispatched_total', 'type="call_answered"') ?? 0) >= 1, 'call_answered to be dispatched');
  expect(metrics.status).toBe(200);
  const text = metrics.text;
  expect(sample(text, 'opencall_calls', 'status="progressing"')).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'opencall_events_dispatched_total', 'type="call_created"')).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'opencall_call_setup_seconds_count', '')).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'opencall_outbox_lag_seconds_count', '')).toBeGreaterThanOrEqual(2);
  expect(sample(text, 'opencall_queue_jobs', 'queue="telephony",state="wait"')).not.toBeNull();
  expect(sample(text, 'opencall_queue_jobs', 'queue="webhooks",state="delayed"')).not.toBeNull();
  expect(sample(text, 'opencall_http_request_duration_seconds_count', 'method="POST",route="/v1.0/calls",status="200"')).toBe(1);
  expect(sample(text, 'opencall_graphql_request_duration_seconds_count', 'operation="query",outcome="ok"')).toBe(1);
  expect(text).toContain('# TYPE opencall_webhook_deliveries_total counter');
  expect(text).toContain('# TYPE opencall_ari_reconnects_total counter');
});

it('counts ARI reconnects', async () => {
  const before = await get('/metrics');
  expect(sample(before.text, 'opencall_ari_reconnects_total', '')).toBe(0);
  // The simulator drops its event sockets: the adapter connects again.
  expect((await fetch(new URL('/sim/ws/drop', t.simUrl), { method: 'POST' })).status).toBe(200);
  await waitFor(() => get('/metrics'), (answer) => sample(answer.text, 'opencall_ari_reconnects_total', '') === 1, 'a reconnect to be counted');
});
