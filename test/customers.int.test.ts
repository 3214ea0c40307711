import { CreateCustomerDocument, CustomersDocument, DeleteCustomerDocument, ListCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

/** The bootstrap credential belongs to the platform administrator, who manages customers. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const rest = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${t.baseUrl}/v1.0${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
const works = async (token: string) => (await graphql(t.baseUrl, token, ListCallsDocument, {})).status === 200;

it('lets the administrator create a customer whose first key works, and delete it', async () => {
  const created = await rest('/customers', t.accessKey, { method: 'POST', body: JSON.stringify({ name: 'Acme' }) });
  expect(created.status).toBe(200);
  const body = (await created.json()) as { id: string; name: string; accesskey: { token: string } };
  expect(body.name).toBe('Acme');
  expect(await works(body.accesskey.token)).toBe(true);

  const listed = (await (await rest('/customers', t.accessKey)).json()) as { result: { id: string }[] };
  expect(listed.result.map((customer) => customer.id)).toContain(body.id);
  expect((await rest(`/customers/${body.id}`, t.accessKey)).status).toBe(200);

  expect((await rest(`/customers/${body.id}`, t.accessKey, { method: 'DELETE' })).status).toBe(200);
  expect(await works(body.accesskey.token)).toBe(false);
  expect((await rest(`/customers/${body.id}`, t.accessKey)).status).toBe(404);
});

it('refuses every admin route to an ordinary customer with 403, changing nothing', async () => {
  const ordinary = await t.newCustomer('ordinary');
  const before = (await (await rest('/customers', t.accessKey)).json()) as { result: unknown[] };
  for (const [path, method, body] of [
    ['/customers', 'POST', JSON.stringify({ name: 'x' })],
    ['/customers', 'GET', undefined],
    [`/customers/${ordinary.customerId}`, 'GET', undefined],
    [`/customers/${ordinary.customerId}`, 'DELETE', undefined],
  ] as const) {
    const response = await rest(path, ordinary.token, { method, ...(body ? { body } : {}) });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');
  }
  const after = (await (await rest('/customers', t.accessKey)).json()) as { result: unknown[] };
  expect(after.result).toHaveLength(before.result.length);
  const viaGraphql = await graphql(t.baseUrl, ordinary.token, CustomersDocument, {});
  expect(viaGraphql.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
});

it('does the same through GraphQL, and refuses a nameless customer', async () => {
  const created = await graphql(t.baseUrl, t.accessKey, CreateCustomerDocument, { input: { name: 'Globex' } });
  const { token, customer } = created.data!.createCustomer;
  expect(customer).toMatchObject({ name: 'Globex', isAdmin: false });
  expect(await works(token)).toBe(true);
  await graphql(t.baseUrl, t.accessKey, DeleteCustomerDocument, { id: customer.id });
  expect(await works(token)).toBe(false);
  const nameless = await graphql(t.baseUrl, t.accessKey, CreateCustomerDocument, { input: { name: ' ' } });
  expect(nameless.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'name' });
});

it('does not let the administrator delete itself', async () => {
  const self = await rest(`/customers/${t.app.bootstrap!.customerId}`, t.accessKey, { method: 'DELETE' });
  expect(self.status).toBe(409);
  expect(await works(t.accessKey)).toBe(true);
});
