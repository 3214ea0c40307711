import { Client } from 'pg';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Hostile input to every REST route and GraphQL mutation: never a 5xx, every refusal names
 * the problem, and a refused request changes no stored data.
 */
let t: TestApp;
let pg: Client;
beforeAll(async () => {
  t = await startTestApp();
  pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
});
afterAll(async () => {
  await pg?.end();
  await t?.stop();
});

const stored = async () =>
  (await pg.query<{ counts: string }>(`SELECT concat_ws(',', (SELECT count(*) FROM calls), (SELECT count(*) FROM access_keys),
    (SELECT count(*) FROM users), (SELECT count(*) FROM customers),
    (SELECT count(*) FROM access_keys WHERE tm_expire IS NOT NULL OR tm_delete IS NOT NULL),
    (SELECT count(*) FROM webhooks), (SELECT count(*) FROM webhooks WHERE tm_delete IS NOT NULL OR tm_update <> tm_create)) AS counts`)).rows[0]!.counts;

const HUGE = 'x'.repeat(200_000);
const VALUES: unknown[] = [null, true, -1, 0, 1e308, -1e308, 2 ** 53 + 1, 'é🎉\u0000\u202e', HUGE, [], [[[]]], {}, { $gt: '' }, '+1 555-123', '00000000-0000-0000-0000-000000000000'];
const RAW_BODIES = ['{"source":', '[]', 'null', '"text"', '{"a":1}{"b":2}', '\u0000\u0001', `{"name":"${'y'.repeat(2_000_000)}"}`];

const CREATE_ROUTES: Record<string, string[]> = {
  '/v1.0/calls': ['source', 'destinations', 'flow_id', 'actions', 'early_execution', 'dial_timeout', 'master_call_id'],
  '/v1.0/accesskeys': ['name', 'expire'],
  '/v1.0/users': ['username', 'password'],
  '/v1.0/customers': ['name'],
  '/v1.0/webhooks': ['url', 'events', 'status', 'secret', 'name'],
};
const ID_PATHS = ['/v1.0/calls/{id}', '/v1.0/calls/{id}/events', '/v1.0/calls/{id}/hangup', '/v1.0/accesskeys/{id}', '/v1.0/accesskeys/{id}/expire', '/v1.0/users/{id}', '/v1.0/customers/{id}', '/v1.0/webhooks/{id}', '/v1.0/webhooks/{id}/deliveries'];
const IDS = ['not-a-uuid', '%00', '..%2F..%2Fetc', 'é🎉', '9'.repeat(300), '00000000-0000-4000-8000-000000000000'];

async function send(method: string, path: string, body?: string) {
  const before = await stored();
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    const message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    expect(typeof message).toBe('string');
    expect(message!.length).toBeGreaterThan(0);
    expect(await stored()).toBe(before);
  }
  return response.status;
}

describe('REST', () => {
  it.each(Object.entries(CREATE_ROUTES))('POST %s survives every hostile field value and raw body', async (path, fields) => {
    for (const raw of RAW_BODIES) expect(await send('POST', path, raw)).toBeGreaterThanOrEqual(400);
    for (const field of fields) {
      for (const value of VALUES) await send('POST', path, JSON.stringify({ [field]: value }));
    }
  });

  it.each(ID_PATHS)('%s survives hostile ids and methods', async (template) => {
    for (const id of IDS) {
      for (const method of ['GET', 'POST', 'DELETE', 'PUT']) {
        await send(method, template.replace('{id}', encodeURIComponent(id)), method === 'GET' ? undefined : '{"x":1}');
      }
    }
  });

  it('GET lists survive hostile paging', async () => {
    for (const query of ['page_size=-1', 'page_size=1e9', 'page_size=abc', 'page_token=%00', `page_token=${'9'.repeat(500)}`, 'page_size=1&page_size=2']) {
      await send('GET', `/v1.0/calls?${query}`);
    }
  });
});

describe('GraphQL', () => {
  const MUTATIONS: [string, string, Record<string, unknown>[]][] = [
    ['createCalls', 'mutation($input: CreateCallsInput!) { createCalls(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { source: value, destinations: [] } },
      { input: { source: { type: 'TEL', target: value }, destinations: [{ type: 'TEL', target: value }] } },
      { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559876543' }], dialTimeout: value, flowId: value, actions: value } },
    ])],
    ['hangupCall', 'mutation($id: ID!) { hangupCall(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['deleteCall', 'mutation($id: ID!) { deleteCall(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createAccessKey', 'mutation($input: CreateAccessKeyInput!) { createAccessKey(input: $input) { token } }', VALUES.map((value) => ({ input: { name: HUGE, expiresInSeconds: value } }))],
    ['expireAccessKey', 'mutation($id: ID!) { expireAccessKey(id: $id) { id } }', IDS.map((id) => ({ id }))],
    ['createWebhook', 'mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret } }', VALUES.flatMap((value) => [
      { input: { url: value } },
      { input: { url: 'https://93.184.216.34/x', status: 'DISABLED', events: value } },
      { input: { url: 'https://93.184.216.34/x', secret: value, name: value, status: value } },
    ])],
    ['updateWebhook', 'mutation($id: ID!, $input: UpdateWebhookInput!) { updateWebhook(id: $id, input: $input) { id } }', [...IDS, ...VALUES].map((id) => ({ id, input: { url: id, events: [id] } }))],
    ['deleteWebhook', 'mutation($id: ID!) { deleteWebhook(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createCustomer', 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { token } }', VALUES.map((name) => ({ input: { name } }))],
  ];

  it.each(MUTATIONS)('%s refuses hostile variables with a coded message', async (_name, query, variableSets) => {
    for (const variables of variableSets) {
      const before = await stored();
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
        body: JSON.stringify({ query, variables }),
      });
      expect(response.status).toBeLessThan(500);
      const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      for (const error of body.errors ?? []) {
        expect(error.message.length).toBeGreaterThan(0);
        expect(error.extensions?.code).toEqual(expect.any(String));
        expect(error.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
      }
      if (body.errors) expect(await stored()).toBe(before);
    }
  });

  it('refuses malformed GraphQL requests without a 5xx', async () => {
    for (const raw of ['{"query":', '{"query": 42}', '{"query": "{ calls { nodes { id } "}', `{"query": "{ calls { nodes { ${'id '.repeat(50_000)} } } }"}`, '[]']) {
      const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` }, body: raw });
      expect(response.status).toBeLessThan(500);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });
});
