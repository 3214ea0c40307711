import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { MAX_QUERY_ALIASES, MAX_QUERY_TOKENS } from '../src/api/graphql-limits';
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
  expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  expect(body.errors?.[0]?.message).toMatch(/levels deep/);
});

it('refuses a query whose estimated cost is over the limit', async () => {
  const wide = 'chainedCalls { chainedCalls { chainedCalls { id source { target } destination { target } } } }';
  const { status, body } = await post(t, `{ calls(first: 100) { nodes { ${wide} } } }`);
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

describe('the cost of a document whose variables change it (estimated once per document and the values it depends on)', () => {
  const wide = 'chainedCalls { chainedCalls { chainedCalls { id source { target } destination { target } } } }';
  const byPageSize = `query Wide($n: Int = 1) { calls(first: $n) { nodes { ${wide} } } }`;
  const byInclude = `query Deep($deep: Boolean!) { calls(first: 100) { nodes { id ${wide.replace('chainedCalls {', 'chainedCalls @include(if: $deep) {')} } } }`;
  const codeOf = async (query: string, variables: Record<string, unknown>) => {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return [response.status, body.errors?.[0]?.extensions?.code ?? null];
  };

  it('refuses it with QUERY_TOO_COMPLEX for the page size that takes it over the limit, before and after smaller ones passed', async () => {
    expect(await codeOf(byPageSize, { n: 1 })).toEqual([200, null]);
    expect(await codeOf(byPageSize, { n: 100 })).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(await codeOf(byPageSize, { n: 1 })).toEqual([200, null]);
    expect(await codeOf(byPageSize, { n: 4 })).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(await codeOf(byPageSize, { n: 3 })).toEqual([200, null]);
    expect(await codeOf(byPageSize, { n: 100 })).toEqual([400, 'QUERY_TOO_COMPLEX']);
  });

  it('tells a variable left out (its default applies) from one sent as null (a full page)', async () => {
    expect(await codeOf(byPageSize, {})).toEqual([200, null]);
    expect(await codeOf(byPageSize, { n: null })).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(await codeOf(byPageSize, {})).toEqual([200, null]);
  });

  it('counts what @include takes in or leaves out by its variable', async () => {
    expect(await codeOf(byInclude, { deep: false })).toEqual([200, null]);
    expect(await codeOf(byInclude, { deep: true })).toEqual([400, 'QUERY_TOO_COMPLEX']);
    expect(await codeOf(byInclude, { deep: false })).toEqual([200, null]);
  });

  it('refuses it over the socket as over HTTP', async () => {
    const client = createClient({ url: `${t.baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { token: t.accessKey }, retryAttempts: 0 });
    const run = (n: number | null) =>
      new Promise<string | null>((resolve) => {
        client.subscribe(
          { query: byPageSize, variables: { n } },
          { next: (result) => resolve((result.errors?.[0]?.extensions?.code as string | undefined) ?? null), error: (errors) => resolve(((errors as { extensions?: { code?: string } }[])[0]?.extensions?.code) ?? 'error'), complete: () => resolve(null) },
        );
      });
    try {
      expect(await run(1)).toBeNull();
      expect(await run(100)).toBe('QUERY_TOO_COMPLEX');
      expect(await run(1)).toBeNull();
      expect(await run(100)).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await client.dispose();
    }
  });
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

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
const HEAVY_PAGE = 'calls(first: 100) { nodes { id status direction type hangupBy hangupReason } }';

it('counts every alias in the cost: one heavy page passes, the same page under many aliases does not', async () => {
  expect((await post(t, aliased(1, HEAVY_PAGE))).body.errors).toBeUndefined();
  const { status, body } = await post(t, aliased(MAX_QUERY_ALIASES, HEAVY_PAGE));
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});

it('caps aliases with a coded error before anything runs', async () => {
  const { status, body } = await post(t, aliased(100, 'calls(first: 1) { nodes { id } }'));
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  expect((await post(t, aliased(MAX_QUERY_ALIASES, 'calls(first: 1) { nodes { id } }'))).body.errors).toBeUndefined();
});

it('caps the tokens of a document with a coded error', async () => {
  const { status, body } = await post(t, `{ calls { nodes { ${'id '.repeat(MAX_QUERY_TOKENS)} } } }`);
  expect(status).toBe(400);
  expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
});

it('hides "Did you mean" suggestions when introspection is off, and keeps them when it is on', async () => {
  expect((await post(t, '{ cals { nodes { id } } }')).body.errors?.[0]?.message).toMatch(/Did you mean/);
  const { body } = await post(locked, '{ cals { nodes { id } } }');
  expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
});

it('never sends a stack trace unless the development setting asks', async () => {
  for (const query of ['{ cals { id } }', '{ calls(first: 0) { nodes { id } } }', '{ calls { nodes { ', aliased(1000, 'calls { nodes { id } }')]) {
    for (const error of (await post(t, query)).body.errors ?? []) expect(error.extensions).not.toHaveProperty('stacktrace');
  }
});

/** One operation over graphql-ws: its errors, or its data. */
async function overSocket(app: TestApp, query: string, variables?: Record<string, unknown>): Promise<{ errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown }> {
  const client = createClient({ url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { token: app.accessKey }, retryAttempts: 0, lazy: true });
  try {
    return await new Promise((resolve, reject) => {
      let result: { data?: unknown } = {};
      client.subscribe<unknown>({ query, ...(variables ? { variables } : {}) }, {
        next: (value) => (result = value as typeof result),
        error: (error) => (Array.isArray(error) ? resolve({ errors: error as never }) : reject(error as Error)),
        complete: () => resolve(result),
      });
    });
  } finally {
    await client.dispose();
  }
}

it('applies the same limits over graphql-ws, with the same codes', async () => {
  expect((await overSocket(t, aliased(100, 'calls(first: 1) { nodes { id } }'))).errors?.[0]?.extensions?.code).toBe('TOO_MANY_ALIASES');
  expect((await overSocket(t, aliased(MAX_QUERY_ALIASES, HEAVY_PAGE))).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect((await overSocket(t, `{ calls { nodes { ${'id '.repeat(MAX_QUERY_TOKENS)} } } }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_LARGE');
  expect((await overSocket(t, `{ calls { nodes { ${nest(12)} } } }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_DEEP');
  expect((await overSocket(t, '{ calls(first: 1) { nodes { id } } }')).data).toEqual({ calls: { nodes: expect.any(Array) } });
  const text = await overSocket(t, 'mutation($input: CreateFlowInput!) { createFlow(input: $input) { id } }', { input: { name: 'a\ud800' } });
  expect(text.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'input.name' });
  const refused = await overSocket(locked, '{ __schema { queryType { name } } }');
  expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect((await overSocket(locked, '{ cals { nodes { id } } }')).errors?.[0]?.message).not.toMatch(/Did you mean/);
});
