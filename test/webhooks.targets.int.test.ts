import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { restCall } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * Without WEBHOOK_ALLOW_PRIVATE_TARGETS a webhook cannot point inside: refused when saved, and
 * refused again when sending (a name that resolved to a public address may not any more).
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp();
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);

it.each([
  'http://127.0.0.1:9/hook', 'http://localhost/hook', 'http://10.1.2.3/', 'http://172.20.0.1/', 'http://192.168.0.10/',
  'http://169.254.169.254/latest/meta-data', 'http://[::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/', 'http://0.0.0.0/', 'http://2130706433/',
])('refuses %s when the webhook is saved', async (url) => {
  const answer = await rest('POST', '/webhooks', { url });
  expect(answer.status).toBe(400);
  expect(answer.body.error.message).toBe('url: the host resolves to a private, loopback or link-local address (WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it, for tests and closed networks)');
  expect((await rest('GET', '/webhooks')).body.result).toEqual([]);
});

it('takes a public address, and refuses to change it to a private one', async () => {
  const created = await rest('POST', '/webhooks', { url: 'https://93.184.216.34/hook', status: 'disabled' });
  expect(created.status).toBe(200);
  const changed = await rest('PUT', `/webhooks/${created.body.id}`, { url: receiver.url() });
  expect(changed.status).toBe(400);
  expect(changed.body.error.message).toMatch(/^url: the host resolves to a private/);
  expect((await rest('GET', `/webhooks/${created.body.id}`)).body.url).toBe('https://93.184.216.34/hook');
  await rest('DELETE', `/webhooks/${created.body.id}`);
});

it('refuses a private target again at delivery time, without sending anything', async () => {
  // A webhook saved while its host was public and whose name now resolves inside: the stored row stands for it.
  const pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
  const id = randomUUID();
  const customerId = (await pg.query<{ id: string }>('SELECT id FROM customers LIMIT 1')).rows[0]!.id;
  await pg.query(`INSERT INTO webhooks (id, customer_id, url, events, secret) VALUES ($1, $2, $3, '{call_created}', 'secret-0123456789abcdef')`, [id, customerId, receiver.url('/inside')]);
  await pg.end();

  await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550001001' }] });
  const [delivery] = await waitFor(async () => (await rest('GET', `/webhooks/${id}/deliveries`)).body.result as { status: string }[], (list) => list[0]?.status === 'failed', 'the delivery refused', 20_000);
  expect(delivery).toMatchObject({ status: 'failed', attempts: 1, http_code: 0, error: 'the host resolves to a private, loopback or link-local address (WEBHOOK_ALLOW_PRIVATE_TARGETS=true allows it, for tests and closed networks)' });
  expect(receiver.received).toEqual([]);
});
