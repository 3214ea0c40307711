import { rest } from './support/rest';
import { statementsDuring } from './support/statements';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * An access key looked up is trusted for AUTH_CACHE_MS (1 s by default): a client's requests in a
 * row cost one lookup, not one each. A key deleted or expired through this process stops working
 * at once all the same.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ AUTH_CACHE_MS: '60000' });
});
afterAll(async () => {
  await t?.stop();
});

async function lookupsDuring(request: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(t, request)).statements.filter((sql) => /FROM access_keys k/.test(sql)).length;
}

async function newKey(): Promise<{ id: string; token: string }> {
  const made = await rest(t, 'POST', '/accesskeys', { name: 'cached', expire: 3600 });
  expect(made.status).toBe(200);
  return { id: made.body.id, token: made.body.token };
}

it('looks a key up once for requests in a row', async () => {
  const key = await newKey();
  expect(await lookupsDuring(() => rest(t, 'GET', '/calls', undefined, key.token))).toBe(1);
  expect(await lookupsDuring(() => rest(t, 'GET', '/calls', undefined, key.token))).toBe(0);
  expect((await rest(t, 'GET', '/calls', undefined, key.token)).status).toBe(200);
});

it('refuses a key deleted through this process at once, though it was trusted', async () => {
  const key = await newKey();
  expect((await rest(t, 'GET', '/calls', undefined, key.token)).status).toBe(200);
  expect((await rest(t, 'DELETE', `/accesskeys/${key.id}`)).status).toBe(200);
  expect((await rest(t, 'GET', '/calls', undefined, key.token)).status).toBe(401);
});

it('refuses the keys of a customer deleted through this process at once', async () => {
  const other = await t.newCustomer('short-lived');
  expect((await rest(t, 'GET', '/calls', undefined, other.token)).status).toBe(200);
  expect((await rest(t, 'DELETE', `/customers/${other.customerId}`)).status).toBe(200);
  expect((await rest(t, 'GET', '/calls', undefined, other.token)).status).toBe(401);
});
