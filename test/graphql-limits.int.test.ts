import { startTestApp, type TestApp } from './support/test-app';

/** What a GraphQL client may ask: bounded depth and cost; introspection as configured. */
let t: TestApp;
let locked: TestApp;
beforeAll(async () => {
  [t, locked] = await Promise.all([startTestApp(), startTestApp({ GRAPHQL_INTROSPECTION: 'false' })]);
});
afterAll(async () => {
  await Promise.all([t?.stop(), locked?.stop()]);
});

async function post(app: TestApp, query: string) {
  const response = await fetch(`${app.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.accessKey}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const nest = (levels: number): string => (levels === 0 ? 'id' : `masterCall { ${nest(levels - 1)} }`);

it('refuses a query nested deeper than the limit, saying so', async () => {
  const { status, body } = await post(t, `{ calls { nodes { ${nest(12)} } } }`);
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0]?.message).toMatch(/levels deep/);
});

it('refuses a query whose estimated cost is over the limit', async () => {
  const wide = 'chainedCalls { chainedCalls { chainedCalls { id source { target } destination { target } } } }';
  const { status, body } = await post(t, `{ calls(first: 100) { nodes { ${wide} } } }`);
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

it('answers an ordinary page of calls', async () => {
  const { status, body } = await post(t, '{ calls(first: 100) { nodes { id status chainedCalls { id } masterCall { id } } pageInfo { hasNextPage } } }');
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
});

it('refuses a body over 1 MB and malformed JSON as GraphQL errors, with the request id echoed', async () => {
  const huge = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}`, 'x-request-id': 'req-test-1' },
    body: JSON.stringify({ query: `{ calls { nodes { id } } }`, variables: { pad: 'x'.repeat(1_100_000) } }),
  });
  expect(huge.status).toBe(413);
  expect(huge.headers.get('x-request-id')).toBe('req-test-1');
  expect(((await huge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  const broken = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
  expect(broken.status).toBe(400);
});

it('allows introspection by default and refuses it when switched off', async () => {
  expect((await post(t, '{ __schema { queryType { name } } }')).body.errors).toBeUndefined();
  const { body } = await post(locked, '{ __schema { queryType { name } } }');
  expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});
