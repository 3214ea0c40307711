import { ListCallsDocument } from './generated/graphql';
import { connectDatabase } from '../src/platform/database';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Who may call the API: the bootstrap customer, and only valid keys. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const status = async (token: string) => (await graphql(t.baseUrl, token, ListCallsDocument, {})).status;

it('creates the first customer once, even when several processes start together', async () => {
  const results = await Promise.all(Array.from({ length: 5 }, () => t.app.services.auth.bootstrap('another-key')));
  expect(results.filter((result) => result !== null)).toEqual([]);
  expect(await status('another-key')).toBe(401);
  expect(await status(t.accessKey)).toBe(200);
});

it('refuses an expired key and a deleted key, and a key of a deleted customer', async () => {
  const expired = await t.newCustomer('expired');
  const deleted = await t.newCustomer('deleted-key');
  const gone = await t.newCustomer('deleted-customer');
  for (const token of [expired.token, deleted.token, gone.token]) expect(await status(token)).toBe(200);

  // What the access-key and customer routes will do; written here straight to the database.
  const db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 1);
  const prisma = db.prisma;
  await prisma.accessKey.updateMany({ where: { customerId: expired.customerId }, data: { tmExpire: new Date(Date.now() - 1000) } });
  await prisma.accessKey.updateMany({ where: { customerId: deleted.customerId }, data: { tmDelete: new Date() } });
  await prisma.customer.update({ where: { id: gone.customerId }, data: { tmDelete: new Date() } });
  await db.close();

  for (const token of [expired.token, deleted.token, gone.token]) expect(await status(token)).toBe(401);
});
