import { connectDatabase } from '../src/persistence/database';
import { AccessKeysDocument, CreateAccessKeyDocument, DeleteAccessKeyDocument, ExpireAccessKeyDocument, ListCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Who may call the API: the bootstrap customer, and only valid keys, managed by their owner. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const status = async (token: string) => (await graphql(t.baseUrl, token, ListCallsDocument, {})).status;
const rest = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${t.baseUrl}/v1.0${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });

it('creates the first customer once, even when several processes start together', async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => t.app.services.auth.bootstrap('another-key')));
  expect(results.filter((result) => result !== null)).toEqual([]);
  expect(await status('another-key')).toBe(401);
  expect(await status(t.accessKey)).toBe(200);
});

it('issues a key through REST whose token works, is shown once, and stops working when expired or deleted', async () => {
  const created = await rest('/accesskeys', t.accessKey, { method: 'POST', body: JSON.stringify({ name: 'ci' }) });
  const key = (await created.json()) as { id: string; token: string; name: string; tm_expire: string };
  expect(key).toMatchObject({ name: 'ci', tm_expire: '9999-01-01 00:00:00.000000' });
  expect(await status(key.token)).toBe(200);

  const listed = (await (await rest('/accesskeys', t.accessKey)).json()) as { result: Record<string, unknown>[] };
  expect(listed.result.find((entry) => entry.id === key.id)).not.toHaveProperty('token');

  expect((await rest(`/accesskeys/${key.id}/expire`, t.accessKey, { method: 'POST' })).status).toBe(200);
  expect(await status(key.token)).toBe(401);

  const second = (await (await rest('/accesskeys', t.accessKey, { method: 'POST', body: '{}' })).json()) as { id: string; token: string };
  expect((await rest(`/accesskeys/${second.id}`, t.accessKey, { method: 'DELETE' })).status).toBe(200);
  expect(await status(second.token)).toBe(401);
  expect((await rest(`/accesskeys/${second.id}`, t.accessKey)).status).toBe(404);
});

it('manages keys through GraphQL, with an expiry in seconds', async () => {
  const created = await graphql(t.baseUrl, t.accessKey, CreateAccessKeyDocument, { input: { name: 'gql', expiresInSeconds: 3600 } });
  const { token, accessKey } = created.data!.createAccessKey;
  expect(accessKey.expiresAt).not.toBeNull();
  expect(await status(token)).toBe(200);
  expect((await graphql(t.baseUrl, t.accessKey, AccessKeysDocument, {})).data!.accessKeys.map((key) => key.id)).toContain(accessKey.id);
  await graphql(t.baseUrl, t.accessKey, ExpireAccessKeyDocument, { id: accessKey.id });
  expect(await status(token)).toBe(401);
  expect((await graphql(t.baseUrl, t.accessKey, DeleteAccessKeyDocument, { id: accessKey.id })).errors).toBeUndefined();
});

it('refuses a bad expiry naming it, and keeps customers to their own keys', async () => {
  const bad = await rest('/accesskeys', t.accessKey, { method: 'POST', body: JSON.stringify({ expire: -5 }) });
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/expire/);

  const other = await t.newCustomer('neighbour');
  const mine = (await (await rest('/accesskeys', t.accessKey, { method: 'POST', body: '{}' })).json()) as { id: string; token: string };
  for (const [path, method] of [[`/accesskeys/${mine.id}`, 'GET'], [`/accesskeys/${mine.id}/expire`, 'POST'], [`/accesskeys/${mine.id}`, 'DELETE']] as const) {
    expect((await rest(path, other.token, { method })).status).toBe(404);
  }
  expect(await status(mine.token)).toBe(200);
  const theirs = await graphql(t.baseUrl, other.token, ExpireAccessKeyDocument, { id: mine.id });
  expect(theirs.errors?.[0]?.extensions?.code).toBe('ACCESS_KEY_NOT_FOUND');
});

it('refuses a key whose customer was deleted by another process, once its trust (AUTH_CACHE_MS) lapses', async () => {
  const gone = await t.newCustomer('deleted-customer');
  expect(await status(gone.token)).toBe(200);
  // Written straight to the database, as another API process would (test/auth-cache covers this process).
  const db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 1);
  await db.prisma.customer.update({ where: { id: gone.customerId }, data: { tmDelete: new Date() } });
  await db.close();
  expect(await waitFor(() => status(gone.token), (code) => code === 401, 'the deleted customer\'s key to be refused')).toBe(401);
});
