import { gzipSync } from 'node:zlib';
import { getNamedType, getNullableType, isInputObjectType, isListType, isNonNullType, isEnumType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { MAX_JSON_DEPTH } from '../src/domain/json-input';
import { buildApiSchema } from '../src/schema/build-schema';
import { rawRequest as rawRequestTo } from './support/raw-http';
import { ALL_ROUTES, type RouteCase } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Each class of bad input the outside probe answered with a 500, generated over every REST
 * route of the route table and every GraphQL mutation of the schema: each is a 4xx naming the
 * problem, never a 5xx.
 */
let t: TestApp;
let schema: GraphQLSchema;
beforeAll(async () => {
  [t, schema] = await Promise.all([startTestApp(), buildApiSchema()]);
});
afterAll(async () => {
  await t?.stop();
});

const SOME_ID = '00000000-0000-4000-8000-000000000000';
const idRoutes = ALL_ROUTES.filter((route) => route.path('{id}').includes('{id}'));
const bodyRoutes = ALL_ROUTES.filter((route) => route.method === 'POST' || route.method === 'PUT');
const label = (route: RouteCase) => `${route.method} ${route.path('{id}')}`;

async function send(method: string, path: string, init: { body?: string | Buffer; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${t.accessKey}`, 'content-type': 'application/json', ...init.headers },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as { error?: { reason: string; message: string }; errors?: { message: string; extensions?: { code?: string; field?: string } }[] } };
}

/** JSON text nested `levels` deep (as text: JSON.stringify itself cannot write so deep a value). */
const nestedText = (levels: number): string => `${'{"a":['.repeat(levels)}"leaf"${']}'.repeat(levels)}`;
/** A JSON object's text with one more member, `key`, holding `text`. */
const withMember = (value: unknown, key: string, text: string): string => JSON.stringify(value ?? {}).replace(/}$/, (end) => `${end === '}' && JSON.stringify(value ?? {}) !== '{}' ? ',' : ''}"${key}":${text}}`);

/** A key's part of a field path as errors name it: `.name`, or `["X-Account"]` for a key that is no identifier. */
const keyPath = (path: string, key: string) => (/^[A-Za-z_]\w*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

/** Every string leaf of a value, by its path, with the value that puts `text` there. */
function withEachString(value: unknown, text: string, path = ''): { path: string; value: unknown }[] {
  if (typeof value === 'string') return [{ path, value: text }];
  if (Array.isArray(value)) return value.flatMap((item, index) => withEachString(item, text, `${path}[${index}]`).map((found) => ({ path: found.path, value: value.map((other, at) => (at === index ? found.value : other)) })));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, inner]) => withEachString(inner, text, keyPath(path, key)).map((found) => ({ path: found.path, value: { ...value, [key]: found.value } })));
  }
  return [];
}

describe('a request Node\'s HTTP parser refuses is answered in REST\'s error body', () => {
  const rawRequest = (request: string) => rawRequestTo(t.baseUrl, request);
  const huge = 'a'.repeat(200_000);
  it.each(['/v1.0/calls', '/graphql', '/auth/login', '/healthz', '/no-such-page'])('a ~200 kB URL on %s is 431 HEADERS_TOO_LARGE', async (path) => {
    const answer = await rawRequest(`GET ${path}?q=${huge} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect({ status: answer.status, reason: answer.body.error?.reason, status_class: answer.body.error?.status }).toEqual({ status: 431, reason: 'HEADERS_TOO_LARGE', status_class: 'INVALID_ARGUMENT' });
    expect(answer.body.error?.message).toMatch(/request line and headers are too large/);
    expect(answer.body.error?.request_id).toMatch(/^req_/);
  });

  it('a ~200 kB header is 431 too, also through fetch', async () => {
    const response = await fetch(`${t.baseUrl}/v1.0/calls`, { headers: { authorization: `Bearer ${t.accessKey}`, 'x-padding': huge } });
    expect(response.status).toBe(431);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe('HEADERS_TOO_LARGE');
  });

  it.each([
    ['a bad request line', 'GET /v1.0/calls HTTP/1.1 extra\r\nHost: x\r\n\r\n'],
    ['an unknown method', 'G@T /v1.0/calls HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a header without a colon', 'GET /v1.0/calls HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n'],
  ])('%s is 400 MALFORMED_REQUEST', async (_label, request) => {
    const answer = await rawRequest(request);
    expect({ status: answer.status, reason: answer.body.error?.reason }).toEqual({ status: 400, reason: 'MALFORMED_REQUEST' });
    expect(answer.body.error?.message).toMatch(/not valid HTTP/);
  });

  it('chunk extensions over the parser\'s limit are 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await rawRequest(`POST /v1.0/calls HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;${huge}\r\nx\r\n0\r\n\r\n`);
    expect({ status: answer.status, reason: answer.body.error?.reason }).toEqual({ status: 413, reason: 'PAYLOAD_TOO_LARGE' });
  });

  it('the server still answers after them', async () => {
    expect((await send('GET', '/v1.0/calls')).status).toBe(200);
  });
});

describe('a malformed percent-escape in a path id is 400, on every id route', () => {
  const routes = [...idRoutes, { method: 'GET' as const, path: (id: string) => `/v1.0/recordingfiles/${id}/download` }];
  it.each(routes.map((route) => [label(route), route] as const))('%s', async (_label, route) => {
    for (const id of ['%', '%C0%AF', '%E0%A4%A', '%%30']) {
      const answer = await send(route.method, route.path(id), route.body === undefined ? {} : { body: JSON.stringify(route.body) });
      expect({ id, status: answer.status, reason: answer.body.error?.reason }).toEqual({ id, status: 400, reason: 'MALFORMED_REQUEST' });
    }
  });
});

describe('a body that is not what its Content-Encoding says is 400', () => {
  const targets: [string, string, string][] = [...bodyRoutes.map((route) => [label(route), route.method, route.path(SOME_ID)] as [string, string, string]), ['POST /graphql', 'POST', '/graphql'], ['POST /auth/login', 'POST', '/auth/login']];
  it.each(targets)('%s', async (_label, method, path) => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const answer = await send(method, path, { body: '{"name":"not compressed"}', headers: { 'content-encoding': encoding } });
      expect({ encoding, status: answer.status }).toEqual({ encoding, status: 400 });
      const code = answer.body.error?.reason ?? answer.body.errors?.[0]?.extensions?.code;
      expect(code).toBe('MALFORMED_REQUEST');
    }
    // A real gzip body of a bad value still reaches the ordinary refusal, not a 5xx.
    expect((await send(method, path, { body: gzipSync('{"x":'), headers: { 'content-encoding': 'gzip' } })).status).toBe(400);
  });
});

describe(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is 400 naming the limit`, () => {
  it.each(bodyRoutes.map((route) => [label(route), route] as const))('%s', async (_label, route) => {
    for (const body of [withMember(route.body, 'x', nestedText(50_000)), withMember({ actions: [{ type: 'talk', option: { text: 'hi' } }] }, 'deep', nestedText(MAX_JSON_DEPTH))]) {
      const answer = await send(route.method, route.path(SOME_ID), { body });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ reason: 'JSON_TOO_DEEP', message: expect.stringContaining(String(MAX_JSON_DEPTH)) });
    }
  });
});

describe('text with an unpaired UTF-16 surrogate is 400 naming the field, wherever text is sent', () => {
  it.each(bodyRoutes.filter((route) => route.body !== undefined).map((route) => [label(route), route] as const))('%s', async (_label, route) => {
    for (const { path, value } of withEachString(route.body, 'a\ud800b')) {
      const answer = await send(route.method, route.path(SOME_ID), { body: JSON.stringify(value) });
      expect({ path, status: answer.status, reason: answer.body.error?.reason }).toEqual({ path, status: 400, reason: 'VALIDATION_FAILED' });
      expect(answer.body.error?.message.startsWith(`${path}:`)).toBe(true);
    }
  });
});

/** A value of a GraphQL input type, every string in it `text` and every object `deep` too when asked. */
function sample(type: GraphQLInputType, text: string, extra?: unknown): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sample(inner.ofType, text, extra)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) || getNamedType(field.type).name === 'String');
    return Object.fromEntries(fields.map((field) => [field.name, sample(field.type, text, extra)]));
  }
  if (isScalarType(inner)) {
    if (inner.name === 'Int' || inner.name === 'Float') return 1;
    if (inner.name === 'Boolean') return true;
    if (inner.name === 'JSONObject') return { text, ...(extra === undefined ? {} : { extra }) };
    if (inner.name === 'DateTime') return '2026-01-01T00:00:00Z';
    return text;
  }
  return null;
}

describe('GraphQL: every mutation refuses deep and malformed text in its variables, and in literals', () => {
  const mutations = () => Object.values(schema.getMutationType()!.getFields()).filter((field) => field.args.length > 0);
  const documentOf = (field: ReturnType<typeof mutations>[number]) => {
    const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isScalarType(getNamedType(field.type)) || isEnumType(getNamedType(field.type)) ? '' : '{ __typename }';
    return `mutation(${variables}) { ${field.name}(${args}) ${selection} }`;
  };
  const post = async (query: string, variables: Record<string, unknown>) => send('POST', '/graphql', { body: JSON.stringify({ query, variables }) });

  it('has mutations to check', () => expect(mutations().length).toBeGreaterThan(20));

  it('refuses an unpaired surrogate in any text variable with VALIDATION_FAILED', async () => {
    for (const field of mutations()) {
      const variables = Object.fromEntries(field.args.map((arg) => [arg.name, sample(arg.type, 'a\udc00')]));
      const answer = await post(documentOf(field), variables);
      expect({ mutation: field.name, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ mutation: field.name, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it(`refuses variables nested deeper than ${MAX_JSON_DEPTH} with JSON_TOO_DEEP`, async () => {
    for (const field of mutations()) {
      const variables = withMember(Object.fromEntries(field.args.map((arg) => [arg.name, sample(arg.type, 'ok')])), 'pad', nestedText(50_000));
      const answer = await send('POST', '/graphql', { body: `{"query":${JSON.stringify(documentOf(field))},"variables":${variables}}` });
      expect({ mutation: field.name, status: answer.status, code: answer.body.errors?.[0]?.extensions?.code }).toEqual({ mutation: field.name, status: 400, code: 'JSON_TOO_DEEP' });
    }
  });

  it('refuses the same in literals of the document', async () => {
    // graphql-js itself refuses an unpaired surrogate in a string literal, escaped or raw.
    for (const name of ['a\\ud800', 'a\ud800']) {
      const surrogate = await post(`mutation { createFlow(input: { name: "${name}" }) { id } }`, {});
      expect({ status: surrogate.status, code: surrogate.body.errors?.[0]?.extensions?.code }).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    }
    const deep = `mutation { createFlow(input: { actions: [{ type: "talk", option: { text: "hi", x: ${'['.repeat(MAX_JSON_DEPTH + 5)}${']'.repeat(MAX_JSON_DEPTH + 5)} } }] }) { id } }`;
    expect((await post(deep, {})).body.errors?.[0]?.extensions).toMatchObject({ code: 'JSON_TOO_DEEP', field: 'input.actions.option.x' });
  });
});

describe('concurrent creates of one unique thing: one wins, the rest are 409 ALREADY_EXISTS', () => {
  const race = <T>(count: number, make: () => Promise<T>) => Promise.all(Array.from({ length: count }, make));

  it('ten POST /v1.0/users with one username', async () => {
    const answers = await race(10, () => send('POST', '/v1.0/users', { body: JSON.stringify({ username: 'racer', password: 'long enough' }) }));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    for (const answer of answers.filter((one) => one.status === 409)) expect(answer.body.error).toMatchObject({ reason: 'ALREADY_EXISTS', message: expect.stringMatching(/^username:/) });
  });

  it('ten POST /v1.0/numbers with one number, from two customers', async () => {
    const other = await t.newCustomer('rival');
    const answers = await race(10, async () => {
      const response = await fetch(`${t.baseUrl}/v1.0/numbers?token=${Math.random() < 0.5 ? t.accessKey : other.token}`, { method: 'POST', body: JSON.stringify({ number: '+15550009876' }) });
      return { status: response.status, body: (await response.json()) as { error?: { reason: string } } };
    });
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect(answers.filter((answer) => answer.status === 409).every((answer) => answer.body.error?.reason === 'ALREADY_EXISTS')).toBe(true);
  });

  it('ten createNumber mutations with one number', async () => {
    const answers = await race(10, () => send('POST', '/graphql', { body: JSON.stringify({ query: 'mutation { createNumber(input: { number: "+15550009877" }) { id } }' }) }));
    const codes = answers.map((answer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(9).fill('ALREADY_EXISTS'), 'OK']);
  });
});
