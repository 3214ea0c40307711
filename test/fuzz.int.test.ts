import { Client } from 'pg';
import { MEDIA_CONTROL_ROUTES } from './support/routes';
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
    (SELECT count(*) FROM flows), (SELECT count(*) FROM flows WHERE tm_delete IS NOT NULL), (SELECT max(tm_update) FROM flows),
    (SELECT count(*) FROM numbers), (SELECT count(*) FROM numbers WHERE tm_delete IS NOT NULL), (SELECT max(tm_update) FROM numbers),
    (SELECT count(*) FROM recordings), (SELECT count(*) FROM recordings WHERE tm_delete IS NOT NULL),
    (SELECT count(*) FROM webhooks), (SELECT count(*) FROM webhooks WHERE tm_delete IS NOT NULL OR tm_update <> tm_create),
    (SELECT count(*) FROM provider_calls), (SELECT count(*) FROM provider_calls WHERE tm_delete IS NOT NULL),
    (SELECT count(*) FROM providers), (SELECT count(*) FROM providers WHERE tm_delete IS NOT NULL), (SELECT max(tm_update) FROM providers),
    (SELECT count(*) FROM routes), (SELECT count(*) FROM routes WHERE tm_delete IS NOT NULL), (SELECT max(tm_update) FROM routes)) AS counts`)).rows[0]!.counts;

const HUGE = 'x'.repeat(200_000);
const VALUES: unknown[] = [null, true, -1, 0, 1e308, -1e308, 2 ** 53 + 1, 'é🎉\u0000\u202e', HUGE, [], [[[]]], {}, { $gt: '' }, '+1 555-123', '00000000-0000-0000-0000-000000000000'];
const RAW_BODIES = ['{"source":', '[]', 'null', '"text"', '{"a":1}{"b":2}', '\u0000\u0001', `{"name":"${'y'.repeat(2_000_000)}"}`];

const CREATE_ROUTES: Record<string, string[]> = {
  '/v1.0/calls': ['source', 'destinations', 'flow_id', 'actions', 'early_execution', 'dial_timeout', 'master_call_id', 'variables'],
  '/v1.0/accesskeys': ['name', 'detail', 'expire'],
  '/v1.0/users': ['username', 'password'],
  '/v1.0/customers': ['name', 'detail', 'email', 'phone_number', 'address', 'webhook_uri', 'webhook_method'],
  '/v1.0/flows': ['name', 'detail', 'actions', 'on_complete_flow_id'],
  '/v1.0/numbers': ['number', 'call_flow_id', 'flow_id', 'message_flow_id', 'name', 'detail'],
  '/v1.0/webhooks': ['url', 'events', 'status', 'secret', 'name'],
  '/v1.0/providercalls': ['provider_id', 'source', 'destinations', 'flow_id', 'actions', 'anonymous'],
  '/v1.0/providers': ['type', 'hostname', 'tech_prefix', 'tech_postfix', 'tech_headers', 'codecs', 'endpoint', 'name', 'detail'],
  '/v1.0/routes': ['customer_id', 'name', 'detail', 'provider_id', 'priority', 'target'],
};
/** Action options a client may get wrong, each tried with every hostile value. */
const ACTION_FIELDS: [string, string][] = [
  ['talk', 'text'], ['play', 'stream_urls'], ['hangup', 'reason'], ['sleep', 'duration'], ['digits_receive', 'duration'], ['digits_receive', 'key'],
  ['dtmf_send', 'dtmfs'], ['digits_send', 'interval'], ['branch', 'target_ids'], ['branch', 'default_target_id'], ['goto', 'target_id'],
  ['goto', 'loop_count'], ['connect', 'destinations'], ['connect', 'source'], ['variable_set', 'key'], ['record_start', 'format'],
  ['recording_start', 'direction'], ['recording_start', 'channels'], ['recording_start', 'end_of_silence'], ['record_start', 'end_of_key'], ['recording_start', 'duration'],
];
const ID_PATHS = ['/v1.0/calls/{id}', '/v1.0/calls/{id}/events', '/v1.0/calls/{id}/hangup', '/v1.0/accesskeys/{id}', '/v1.0/accesskeys/{id}/expire', '/v1.0/users/{id}', '/v1.0/customers/{id}', '/v1.0/flows/{id}', '/v1.0/numbers/{id}',
  '/v1.0/calls/{id}/recording_start', '/v1.0/calls/{id}/recording_stop', '/v1.0/calls/{id}/recordings', '/v1.0/recordings/{id}', '/v1.0/recordingfiles/{id}',
  '/v1.0/recordingfiles/{id}/download', '/v1.0/webhooks/{id}', '/v1.0/webhooks/{id}/deliveries', '/v1.0/activeflows/{id}', '/v1.0/activeflows/{id}/stop',
  '/v1.0/numbers/{id}/flow_ids', '/v1.0/providercalls/{id}', '/v1.0/providers/{id}', '/v1.0/routes/{id}', '/v1.0/timelines/calls/{id}/events', '/v1.0/timelines/activeflows/{id}/events', ...new Set(MEDIA_CONTROL_ROUTES.map((route) => route.path('{id}')))];
const RECORDING_OPTIONS = ['format', 'direction', 'channels', 'end_of_silence', 'end_of_key', 'duration'];
const ZERO_ID = '00000000-0000-4000-8000-000000000000';
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

  it('POST /v1.0/flows survives every hostile action, type and option value', async () => {
    for (const [type, field] of ACTION_FIELDS) {
      for (const value of VALUES) await send('POST', '/v1.0/flows', JSON.stringify({ actions: [{ type, option: { [field]: value } }] }));
    }
    for (const value of VALUES) await send('POST', '/v1.0/flows', JSON.stringify({ actions: [{ type: value, id: value, option: value }] }));
  });

  it.each(ID_PATHS)('%s survives hostile ids and methods', async (template) => {
    for (const id of IDS) {
      for (const method of ['GET', 'POST', 'DELETE', 'PUT']) {
        await send(method, template.replace('{id}', encodeURIComponent(id)), method === 'GET' ? undefined : '{"x":1}');
      }
    }
  });

  it.each(MEDIA_CONTROL_ROUTES.filter((route) => route.body))('$method media control with hostile body fields', async (route) => {
    for (const field of Object.keys(route.body as object)) {
      for (const value of VALUES) {
        const status = await send(route.method, route.path('00000000-0000-4000-8000-000000000000'), JSON.stringify({ ...(route.body as object), [field]: value }));
        expect([400, 404]).toContain(status);
      }
    }
  });

  it('PUT /v1.0/customer survives every hostile field value', async () => {
    for (const field of ['name', 'detail', 'email', 'phone_number', 'address', 'webhook_uri', 'webhook_method']) {
      for (const value of VALUES) await send('PUT', '/v1.0/customer', JSON.stringify({ [field]: value }));
    }
  });

  it('PUT /v1.0/providers/{id} and /v1.0/routes/{id} survive every hostile field value on live ones', async () => {
    const create = async (path: string, body: unknown) => {
      const response = await fetch(`${t.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { id: string }).id;
    };
    const provider = await create('/v1.0/providers', { name: 'fuzzed', endpoint: 'PJSIP/{target}@fuzzed' });
    const route = await create('/v1.0/routes', { provider_id: provider, target: '1' });
    for (const [path, fields] of [[`/v1.0/providers/${provider}`, CREATE_ROUTES['/v1.0/providers']!], [`/v1.0/routes/${route}`, CREATE_ROUTES['/v1.0/routes']!]] as const) {
      for (const raw of RAW_BODIES) await send('PUT', path, raw);
      for (const field of fields) {
        for (const value of VALUES) await send('PUT', path, JSON.stringify({ [field]: value }));
      }
    }
  });

  it('GET lists survive hostile paging', async () => {
    for (const query of ['page_size=-1', 'page_size=1e9', 'page_size=abc', 'page_token=%00', `page_token=${'9'.repeat(500)}`, 'page_size=1&page_size=2']) {
      for (const list of ['calls', 'flows', 'numbers', 'recordings', 'activeflows', 'providers', 'routes', `timelines/calls/${ZERO_ID}/events`]) await send('GET', `/v1.0/${list}?${query}`);
    }
    for (const customerId of ['nope', '%00', '9'.repeat(300), '', ZERO_ID]) await send('GET', `/v1.0/routes?customer_id=${customerId}`);
  });

  it('POST /v1.0/calls/{id}/recording_start survives every hostile option and raw body', async () => {
    const call = (await (await fetch(`${t.baseUrl}/v1.0/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
      body: JSON.stringify({ source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] }),
    })).json()) as { calls: { id: string }[] };
    const path = `/v1.0/calls/${call.calls[0]!.id}/recording_start`;
    for (const raw of RAW_BODIES) await send('POST', path, raw);
    for (const field of RECORDING_OPTIONS) {
      for (const value of VALUES) await send('POST', path, JSON.stringify({ [field]: value }));
    }
  });

  it('the signed download refuses hostile signatures with 403 or 400', async () => {
    for (const query of ['', 'expires=1&signature=x', `expires=${'9'.repeat(40)}&signature=abc`, 'expires=-1&signature=', 'expires=1&expires=2&signature=a&signature=b', `signature=${'x'.repeat(4000)}`]) {
      const status = await send('GET', `/v1.0/recordingfiles/00000000-0000-4000-8000-000000000000/download?${query}`);
      expect([400, 403]).toContain(status);
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
    ['holdCall', 'mutation($id: ID!) { holdCall(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['muteCall', 'mutation($id: ID!, $direction: MuteDirection!) { muteCall(id: $id, direction: $direction) { id } }', VALUES.map((direction) => ({ id: IDS[5], direction }))],
    ['sendDtmf', 'mutation($id: ID!, $input: SendDtmfInput!) { sendDtmf(id: $id, input: $input) { id } }', VALUES.flatMap((value) => [
      { id: IDS[5], input: { digits: value } },
      { id: IDS[5], input: { digits: '1', duration: value, interval: value } },
    ])],
    ['talkCall', 'mutation($id: ID!, $input: TalkCallInput!) { talkCall(id: $id, input: $input) { id } }', VALUES.flatMap((value) => [
      { id: IDS[5], input: { text: value } },
      { id: IDS[5], input: { text: 'hi', language: value } },
      { id: value, input: { text: 'hi' } },
    ])],
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
    ['createFlow', 'mutation($input: CreateFlowInput!) { createFlow(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { name: value } },
      { input: { actions: value } },
      { input: { onCompleteFlowId: value } },
      { input: { actions: [{ type: value, option: value }] } },
      ...ACTION_FIELDS.map(([type, field]) => ({ input: { actions: [{ type, option: { [field]: value } }] } })),
    ])],
    ['updateFlow', 'mutation($id: ID!, $input: UpdateFlowInput!) { updateFlow(id: $id, input: $input) { id } }', [...IDS, ...VALUES].map((id) => ({ id, input: { name: 'x' } }))],
    ['deleteFlow', 'mutation($id: ID!) { deleteFlow(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createNumber', 'mutation($input: CreatePhoneNumberInput!) { createNumber(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { number: value } },
      { input: { number: '+15550004444', callFlowId: value, name: HUGE } },
    ])],
    ['updateNumber', 'mutation($id: ID!, $input: UpdatePhoneNumberInput!) { updateNumber(id: $id, input: $input) { id } }', [...IDS, ...VALUES].map((id) => ({ id, input: { callFlowId: id } }))],
    ['deleteNumber', 'mutation($id: ID!) { deleteNumber(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['startRecording', 'mutation($callId: ID!, $input: StartRecordingInput) { startRecording(callId: $callId, input: $input) { id } }', VALUES.flatMap((value) => [
      { callId: value, input: {} },
      { callId: '00000000-0000-4000-8000-000000000000', input: { format: value, duration: value, endOfSilence: value, endOfKey: value } },
    ])],
    ['stopRecording', 'mutation($callId: ID!) { stopRecording(callId: $callId) { id } }', [...IDS, ...VALUES].map((callId) => ({ callId }))],
    ['deleteRecording', 'mutation($id: ID!) { deleteRecording(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createProviderCall', 'mutation($input: ProviderCallInput!) { createProviderCall(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { providerId: value, source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559876543' }] } },
      { input: { providerId: ZERO_ID, source: { type: 'TEL', target: value }, destinations: [{ type: 'TEL', target: value }], anonymous: value, flowId: value } },
    ])],
    ['deleteProviderCall', 'mutation($id: ID!) { deleteProviderCall(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createProvider', 'mutation($input: ProviderInput!) { createProvider(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { name: value, endpoint: value } },
      { input: { name: 'p', hostname: value, techPrefix: value, techPostfix: value } },
      { input: { name: 'p', endpoint: 'PJSIP/{target}@p', techHeaders: value, codecs: value, detail: value } },
    ])],
    ['updateProvider', 'mutation($id: ID!, $input: ProviderInput!) { updateProvider(id: $id, input: $input) { id } }', [...IDS, ...VALUES].map((id) => ({ id, input: { name: id, endpoint: id, techHeaders: id } }))],
    ['deleteProvider', 'mutation($id: ID!) { deleteProvider(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
    ['createRoute', 'mutation($input: RouteInput!) { createRoute(input: $input) { id } }', VALUES.flatMap((value) => [
      { input: { providerId: value, target: '1' } },
      { input: { providerId: ZERO_ID, customerId: value, target: value, priority: value, name: value, detail: value } },
    ])],
    ['updateRoute', 'mutation($id: ID!, $input: RouteInput!) { updateRoute(id: $id, input: $input) { id } }', [...IDS, ...VALUES].map((id) => ({ id, input: { providerId: id, target: id, customerId: id } }))],
    ['deleteRoute', 'mutation($id: ID!) { deleteRoute(id: $id) { id } }', [...IDS, ...VALUES].map((id) => ({ id }))],
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
        expect(error.extensions?.code).not.toBe('INTERNAL');
      }
      if (body.errors) expect(await stored()).toBe(before);
    }
  });

  it('answers a simple query the same before and after a hostile batch', async () => {
    const gql = async (body: string) => {
      const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` }, body });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
    };
    const simple = JSON.stringify({ query: '{ calls(first: 5) { nodes { id status } } accessKeys { id } }' });
    const before = await gql(simple);
    expect(before.status).toBe(200);
    const aliases = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: ${field}`).join(' ')} }`;
    const hostile = [
      { query: aliases(1000, 'calls(first: 100) { nodes { id } }') },
      { query: aliases(100, 'calls(first: 1) { nodes { id } }') },
      { query: aliases(30, 'calls(first: 100) { nodes { id status direction type hangupBy hangupReason chainedCalls { id } } }') },
      { query: `{ calls { nodes { ${'id '.repeat(10_000)} } } }` },
      { query: `{ calls { nodes { ${'masterCall { '.repeat(200)}id${' }'.repeat(200)} } } }` },
      { query: 'query($v: Int) { calls(first: $v) { nodes { id } } }', variables: { v: 1e12 } },
      { query: 'fragment F on Call { id ...G } fragment G on Call { id ...F } { calls { nodes { ...F } } }' },
      { query: '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }' },
    ];
    const answers = await Promise.all([
      ...hostile.map((body) => gql(JSON.stringify(body))),
      gql(JSON.stringify(Array.from({ length: 200 }, () => hostile[0]))),
      gql(`{"query":"{ calls { nodes { id } } }","variables":${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}}`),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBeLessThan(500);
      for (const error of answer.body.errors ?? []) expect(error.extensions?.code).not.toBe('INTERNAL');
    }
    expect(answers.slice(0, 4).map((answer) => answer.body.errors?.[0]?.extensions?.code)).toEqual(['QUERY_TOO_LARGE', 'TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_LARGE']);
    const after = await gql(simple);
    expect(after).toEqual(before);
  });

  it('refuses malformed GraphQL requests without a 5xx', async () => {
    for (const raw of ['{"query":', '{"query": 42}', '{"query": "{ calls { nodes { id } "}', `{"query": "{ calls { nodes { ${'id '.repeat(50_000)} } } }"}`, '[]']) {
      const response = await fetch(`${t.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` }, body: raw });
      expect(response.status).toBeLessThan(500);
      expect(response.status).toBeGreaterThanOrEqual(400);
    }
  });
});
