import WebSocket from 'ws';
import { createLogger } from '../src/platform/logger';
import { createLoginRouter } from '../src/rest/login.routes';
import { createRestRouter } from '../src/rest/router';
import { servedRoutes } from '../src/rest/served-routes';
import { contractChecker } from './support/contract';
import { garbledRequest, oversizedRequest, rawRequest, type RawAnswer } from './support/raw-http';
import type { Json } from './support/rest';
import { startReceiver } from './support/webhook-receiver';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The contract test: every route of /v1.0 (and /auth/login) is sent good and bad requests, and
 * each answer's status and body are validated against the served OpenAPI document. A route the
 * document does not describe, an answer status it does not list, or a body off its schema fails.
 */
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const contract = contractChecker();
const ZERO = '00000000-0000-0000-0000-000000000000';
const UNKNOWN = '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11';

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await t?.stop();
});

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

/** One request, checked against the document. `token: null` sends no credentials. */
async function send(method: string, path: string, options: { body?: unknown; token?: string | null; raw?: string } = {}): Promise<Answer> {
  const url = new URL(path, t.baseUrl);
  const token = options.token === undefined ? t.accessKey : options.token;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, { method, headers, body: payload, redirect: 'manual' });
  const type = response.headers.get('content-type');
  const text = await response.text();
  const body = type?.startsWith('application/json') && text ? (JSON.parse(text) as Json) : {};
  contract.check(method, url.pathname, response.status, type?.startsWith('application/json') ? JSON.parse(text || 'null') : text, type);
  return { status: response.status, body, headers: response.headers };
}

const ok = async (method: string, path: string, body?: unknown, token?: string): Promise<Json> => {
  const answer = await send(method, path, { body, token });
  expect([method, path, answer.status]).toEqual([method, path, 200]);
  return answer.body;
};

const problemsOf = (prefix: string) => [...contract.problems.entries()].filter(([key]) => key.includes(prefix));

async function answeredCall(extra: Json = {}): Promise<Json> {
  const created = await ok('POST', '/v1.0/calls', { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15559876543' }], ...extra });
  const id = ((created.calls ?? created)[0] as Json).id as string;
  return waitFor(async () => (await send('GET', `/v1.0/calls/${id}`)).body, (call) => call.status === 'progressing', 'the call to be answered');
}

describe('every route against the OpenAPI document', () => {
  it('serves the document, and describes every route the product serves', async () => {
    const document = await ok('GET', '/v1.0/openapi.json', undefined, '');
    const documented = new Set(contract.operations.map((op) => op.key));
    const routes = [
      ...servedRoutes(createRestRouter(t.app.services, createLogger('silent')), '/v1.0'),
      ...servedRoutes(createLoginRouter(t.app.services.auth, createLogger('silent')), '/auth'),
    ].map((route) => `${route.method} ${route.path}`);
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((route) => !documented.has(route))).toEqual([]);
    // And nothing is described that is not served (the WebSocket is served by the upgrade handler).
    expect([...documented].filter((key) => !routes.includes(key) && key !== 'GET /v1.0/ws')).toEqual([]);
    expect(Object.keys(document.paths as Json).length).toBe(new Set(contract.operations.map((op) => op.template)).size);
  });

  it('refuses every credentialed route without credentials, as documented', async () => {
    for (const op of contract.operations) {
      if (op.op.security || op.template === '/v1.0/ws') continue;
      const path = op.template.replace('{resource_type}', 'calls').replace(/\{[a-z_]+\}/g, UNKNOWN);
      const answer = await send(op.method, path, { token: null, body: op.method === 'GET' || op.method === 'DELETE' ? undefined : {} });
      expect([op.key, answer.status]).toEqual([op.key, 401]);
    }
  });

  it('lists the refusals of the HTTP parser on every operation, and 413 exactly where a body is read', async () => {
    // A checker of its own: these refusals must not count as the bad request each operation is sent below.
    const parser = contractChecker();
    const bigBody = JSON.stringify({ padding: 'a'.repeat(1_100_000) });
    for (const op of parser.operations) {
      const path = op.template.replace('{resource_type}', 'calls').replace(/\{[a-z_]+\}/g, UNKNOWN);
      const check = (answer: RawAnswer) => parser.check(op.method, path, answer.status, answer.body, answer.headers['content-type'] ?? null);
      const refused = [await rawRequest(t.baseUrl, oversizedRequest(op.method, path)), await rawRequest(t.baseUrl, garbledRequest(path))];
      expect([op.key, ...refused.map((answer) => answer.status)]).toEqual([op.key, 431, 400]);
      refused.forEach(check);
      // A body over 1 MB, with credentials: 413 where the route reads one, whatever the method.
      const oversizedBody = await rawRequest(t.baseUrl, `${op.method} ${path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.accessKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(bigBody)}\r\n\r\n${bigBody}`);
      check(oversizedBody);
      expect([op.key, oversizedBody.status === 413]).toEqual([op.key, '413' in (op.op.responses as Json)]);
    }
    expect([...parser.problems.entries()]).toEqual([]);
  });

  it('calls: make, list, get, control, record, hang up, delete', async () => {
    expect((await send('POST', '/v1.0/calls', { body: { destinations: [] } })).status).toBe(400);
    expect((await send('POST', '/v1.0/calls', { raw: '{"source":' })).status).toBe(400);
    expect((await send('GET', '/v1.0/calls?page_size=zero')).status).toBe(400);
    expect((await send('GET', '/v1.0/calls/not-a-uuid')).status).toBe(400);
    expect((await send('GET', `/v1.0/calls/${UNKNOWN}`)).status).toBe(404);

    const call = await answeredCall();
    await ok('GET', '/v1.0/calls?page_size=1');
    await ok('GET', `/v1.0/calls/${call.id}/events`);
    for (const control of ['hold', 'moh', 'silence', 'mute']) {
      await ok('POST', `/v1.0/calls/${call.id}/${control}`, control === 'mute' ? { direction: 'both' } : undefined);
      await ok('DELETE', `/v1.0/calls/${call.id}/${control}`, control === 'mute' ? { direction: 'both' } : undefined);
    }
    expect((await send('POST', `/v1.0/calls/${call.id}/mute`, { body: { direction: 'sideways' } })).status).toBe(400);
    await ok('POST', `/v1.0/calls/${call.id}/dtmf`, { digits: '12#' });
    expect((await send('POST', `/v1.0/calls/${call.id}/dtmf`, { body: { digits: 'xyz' } })).status).toBe(400);
    await ok('POST', `/v1.0/calls/${call.id}/talk`, { text: 'Your order has shipped.', language: 'en-US' });
    expect((await send('POST', `/v1.0/calls/${call.id}/talk`, { body: { text: '' } })).status).toBe(400);

    await ok('POST', `/v1.0/calls/${call.id}/recording_start`, { format: 'wav', end_of_silence: 0, end_of_key: '', duration: 0, on_end_flow_id: ZERO });
    expect((await send('POST', `/v1.0/calls/${call.id}/recording_start`, { body: { format: 'wav' } })).status).toBe(409);
    const recordingId = (await waitFor(async () => (await send('GET', `/v1.0/calls/${call.id}/recordings`)).body.result as Json[], (list) => list[0]?.status === 'recording', 'the recording to start'))[0]!.id as string;
    await ok('POST', `/v1.0/calls/${call.id}/recording_stop`);
    expect((await send('POST', `/v1.0/calls/${call.id}/recording_stop`)).status).toBe(409);
    await waitFor(async () => (await send('GET', `/v1.0/recordings/${recordingId}`)).body, (recording) => recording.url !== '', 'the file to be stored');
    await ok('GET', '/v1.0/recordings');
    expect((await send('GET', '/v1.0/recordings?page_token=yesterday')).status).toBe(400);
    expect((await send('GET', `/v1.0/recordings/${UNKNOWN}`)).status).toBe(404);
    const redirect = await send('GET', `/v1.0/recordingfiles/${recordingId}`);
    expect((await send('GET', `/v1.0/recordingfiles/${UNKNOWN}`)).status).toBe(404);
    const location = new URL(redirect.headers.get('location')!, t.baseUrl);
    expect((await send('GET', `${location.pathname}${location.search}`, { token: null })).status).toBe(200);
    expect((await send('GET', `${location.pathname}?expires=1&signature=bad`, { token: null })).status).toBe(403);

    await ok('POST', `/v1.0/calls/${call.id}/hangup`);
    await waitFor(async () => (await send('GET', `/v1.0/calls/${call.id}`)).body, (after) => after.status === 'hangup', 'the hangup');
    expect((await send('POST', `/v1.0/calls/${call.id}/hold`)).status).toBe(409);
    expect((await send('POST', `/v1.0/calls/${call.id}/hangup`)).status).toBe(409);
    expect((await send('GET', `/v1.0/calls/${call.id}/recordings`)).status).toBe(200);
    expect((await send('GET', `/v1.0/calls/not-a-uuid/events`)).status).toBe(400);
    expect((await send('GET', `/v1.0/calls/not-a-uuid/recordings`)).status).toBe(400);
    await ok('DELETE', `/v1.0/recordings/${recordingId}`);
    expect((await send('DELETE', `/v1.0/recordings/${recordingId}`)).status).toBe(404);
    await ok('GET', `/v1.0/timelines/calls/${call.id}/events?page_size=2`);
    expect((await send('GET', `/v1.0/timelines/calls/${UNKNOWN}/events`)).status).toBe(404);
    expect((await send('GET', `/v1.0/timelines/conferences/${call.id}/events`)).status).toBe(404);
    expect((await send('GET', `/v1.0/timelines/calls/${call.id}/events?page_token=x`)).status).toBe(400);
    await ok('DELETE', `/v1.0/calls/${call.id}`);
    expect((await send('DELETE', `/v1.0/calls/${UNKNOWN}`)).status).toBe(404);
    expect(problemsOf('/v1.0/calls').concat(problemsOf('/v1.0/record'))).toEqual([]);
  });

  it('providers, routes and provider calls: make, list, get, change, delete (the administrator\'s)', async () => {
    const providerBody = { type: 'sip', hostname: 'carrier-a', tech_prefix: '', tech_postfix: '', tech_headers: {}, name: 'Carrier A', detail: '' };
    expect((await send('POST', '/v1.0/providers', { body: { ...providerBody, type: 'pstn' } })).status).toBe(400);
    expect((await send('GET', '/v1.0/providers?page_size=zero')).status).toBe(400);
    expect((await send('GET', '/v1.0/providers/not-a-uuid')).status).toBe(400);
    expect((await send('PUT', `/v1.0/providers/${UNKNOWN}`, { body: providerBody })).status).toBe(404);
    expect((await send('DELETE', `/v1.0/providers/${UNKNOWN}`)).status).toBe(404);
    const provider = await ok('POST', '/v1.0/providers', providerBody);
    await ok('GET', '/v1.0/providers?page_size=1');
    await ok('GET', `/v1.0/providers/${provider.id}`);
    await ok('PUT', `/v1.0/providers/${provider.id}`, { ...providerBody, name: 'Carrier A2' });
    const routeBody = { customer_id: ZERO, name: 'all', detail: '', provider_id: provider.id, priority: 1, target: 'all' };
    expect((await send('POST', '/v1.0/routes', { body: { ...routeBody, target: 'x' } })).status).toBe(400);
    expect((await send('POST', '/v1.0/routes', { body: { ...routeBody, provider_id: UNKNOWN } })).status).toBe(404);
    expect((await send('GET', '/v1.0/routes?customer_id=x')).status).toBe(400);
    expect((await send('GET', '/v1.0/routes/not-a-uuid')).status).toBe(400);
    expect((await send('PUT', `/v1.0/routes/${UNKNOWN}`, { body: routeBody })).status).toBe(404);
    expect((await send('DELETE', `/v1.0/routes/${UNKNOWN}`)).status).toBe(404);
    const route = await ok('POST', '/v1.0/routes', routeBody);
    await ok('GET', `/v1.0/routes?customer_id=${ZERO}`);
    await ok('GET', `/v1.0/routes/${route.id}`);
    await ok('PUT', `/v1.0/routes/${route.id}`, { ...routeBody, priority: 2 });
    expect((await send('DELETE', `/v1.0/providers/${provider.id}`)).status).toBe(409);
    await ok('DELETE', `/v1.0/routes/${route.id}`);

    const callBody = { provider_id: provider.id, source: { type: 'tel', target: '+15550000001' }, destinations: [{ type: 'tel', target: '+15550002002' }], anonymous: 'no' };
    expect((await send('POST', '/v1.0/providercalls', { body: { ...callBody, destinations: [{ type: 'sip', target: 'a@example.com' }] } })).status).toBe(400);
    expect((await send('POST', '/v1.0/providercalls', { body: { ...callBody, provider_id: UNKNOWN } })).status).toBe(404);
    expect((await send('GET', '/v1.0/providercalls?provider_id=x')).status).toBe(400);
    expect((await send('GET', '/v1.0/providercalls/not-a-uuid')).status).toBe(400);
    expect((await send('DELETE', `/v1.0/providercalls/${UNKNOWN}`)).status).toBe(404);
    const providerCall = await ok('POST', '/v1.0/providercalls', callBody);
    await ok('GET', `/v1.0/providercalls?provider_id=${provider.id}&page_size=1`);
    await ok('GET', `/v1.0/providercalls/${providerCall.id}`);
    await ok('POST', `/v1.0/calls/${(providerCall.call_ids as string[])[0]}/hangup`);
    await ok('DELETE', `/v1.0/providercalls/${providerCall.id}`);
    await ok('DELETE', `/v1.0/providers/${provider.id}`);
    expect(problemsOf('/v1.0/provider').concat(problemsOf('/v1.0/routes'))).toEqual([]);
  });

  it('groupcalls: make, list, get, events, hang up, delete', async () => {
    const body = { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15550002001' }], ring_method: 'ring_all', answer_method: 'hangup_others' };
    expect((await send('POST', '/v1.0/groupcalls', { body: { ...body, ring_method: 'round_robin' } })).status).toBe(400);
    expect((await send('GET', '/v1.0/groupcalls?page_size=zero')).status).toBe(400);
    expect((await send('GET', '/v1.0/groupcalls/not-a-uuid')).status).toBe(400);
    expect((await send('GET', `/v1.0/groupcalls/${UNKNOWN}/events`)).status).toBe(404);
    expect((await send('DELETE', `/v1.0/groupcalls/${UNKNOWN}`)).status).toBe(404);
    const groupcall = await ok('POST', '/v1.0/groupcalls', body);
    await ok('GET', '/v1.0/groupcalls?page_size=1');
    await ok('GET', `/v1.0/groupcalls/${groupcall.id}`);
    await ok('POST', `/v1.0/groupcalls/${groupcall.id}/hangup`);
    await waitFor(async () => (await send('GET', `/v1.0/groupcalls/${groupcall.id}`)).body, (g) => g.status === 'hangup', 'the groupcall to end');
    await ok('GET', `/v1.0/groupcalls/${groupcall.id}/events`);
    expect((await send('POST', `/v1.0/groupcalls/${groupcall.id}/hangup`)).status).toBe(409);
    await ok('DELETE', `/v1.0/groupcalls/${groupcall.id}`);
    // A nested groupcall among the destinations, and the limits refused.
    const nested = { type: 'groupcall', groupcall: { destinations: [{ type: 'tel', target: '+15550002002' }], ring_method: 'linear' } };
    const master = await ok('POST', '/v1.0/groupcalls', { ...body, destinations: [...body.destinations, nested] });
    await ok('GET', `/v1.0/groupcalls/${(master.groupcall_ids as string[])[0]}`);
    const tooMany = Array.from({ length: 101 }, () => body.destinations[0]);
    expect((await send('POST', '/v1.0/groupcalls', { body: { ...body, destinations: tooMany } })).status).toBe(400);
    await ok('POST', `/v1.0/groupcalls/${master.id}/hangup`);
    expect(problemsOf('/v1.0/groupcalls')).toEqual([]);
  });

  it('flows, numbers and activeflows', async () => {
    expect((await send('POST', '/v1.0/flows', { body: { actions: [{ type: 'fly' }] } })).status).toBe(400);
    const flow = await ok('POST', '/v1.0/flows', { name: 'greeting', actions: [{ type: 'answer' }, { type: 'sleep', option: { duration: 60000 } }] });
    await ok('GET', '/v1.0/flows');
    await ok('GET', `/v1.0/flows/${flow.id}`);
    await ok('PUT', `/v1.0/flows/${flow.id}`, { name: 'greeting 2' });
    expect((await send('PUT', `/v1.0/flows/${UNKNOWN}`, { body: { name: 'x' } })).status).toBe(404);
    expect((await send('GET', '/v1.0/flows/nope')).status).toBe(400);

    expect((await send('POST', '/v1.0/numbers', { body: { number: '555' } })).status).toBe(400);
    const number = await ok('POST', '/v1.0/numbers', { number: '+15557654321', call_flow_id: flow.id, name: 'line' });
    expect((await send('POST', '/v1.0/numbers', { body: { number: '+15557654321' } })).status).toBe(409);
    await ok('GET', '/v1.0/numbers');
    await ok('GET', `/v1.0/numbers/${number.id}`);
    await ok('PUT', `/v1.0/numbers/${number.id}`, { name: 'support' });
    expect((await send('PUT', `/v1.0/numbers/${number.id}`, { body: { call_flow_id: UNKNOWN } })).status).toBe(404);
    expect((await send('GET', `/v1.0/numbers/${UNKNOWN}`)).status).toBe(404);
    await ok('PUT', `/v1.0/numbers/${number.id}/flow_ids`, { call_flow_id: flow.id, message_flow_id: ZERO });
    expect((await send('PUT', `/v1.0/numbers/${number.id}/flow_ids`, { body: { call_flow_id: 'flow' } })).status).toBe(400);

    const call = await answeredCall({ flow_id: flow.id });
    const activeflowId = await waitFor(async () => ((await send('GET', '/v1.0/activeflows')).body.result as Json[]).find((one) => one.reference_id === call.id)?.id as string | undefined, Boolean, 'the activeflow');
    await ok('GET', `/v1.0/activeflows/${activeflowId}`);
    await ok('GET', `/v1.0/timelines/activeflows/${activeflowId}/events`);
    await ok('POST', `/v1.0/activeflows/${activeflowId}/stop`);
    expect((await send('DELETE', `/v1.0/activeflows/${activeflowId}`)).status).toBe(204);
    expect((await send('DELETE', `/v1.0/activeflows/${activeflowId}`)).status).toBe(404);
    expect((await send('DELETE', '/v1.0/activeflows/nope')).status).toBe(400);
    expect((await send('GET', `/v1.0/activeflows/${UNKNOWN}`)).status).toBe(404);
    expect((await send('POST', `/v1.0/activeflows/${UNKNOWN}/stop`)).status).toBe(404);
    expect((await send('GET', '/v1.0/activeflows?page_size=-1')).status).toBe(400);
    // Stopping the flow ended the call too (the end of a flow hangs up): the hangup may come late.
    await send('POST', `/v1.0/calls/${call.id}/hangup`);

    await ok('DELETE', `/v1.0/numbers/${number.id}`);
    expect((await send('DELETE', `/v1.0/numbers/${number.id}`)).status).toBe(404);
    await ok('DELETE', `/v1.0/flows/${flow.id}`);
    expect((await send('DELETE', `/v1.0/flows/${flow.id}`)).status).toBe(404);
    expect(['/v1.0/flows', '/v1.0/numbers', '/v1.0/activeflows', '/v1.0/timelines'].flatMap(problemsOf)).toEqual([]);
  });

  it('webhooks and their deliveries', async () => {
    expect((await send('POST', '/v1.0/webhooks', { body: { url: 'ftp://example.com' } })).status).toBe(400);
    const webhook = await ok('POST', '/v1.0/webhooks', { name: 'all', url: receiver.url('/hook') });
    await ok('GET', '/v1.0/webhooks');
    expect((await send('GET', '/v1.0/webhooks?page_size=0')).status).toBe(400);
    await ok('GET', `/v1.0/webhooks/${webhook.id}`);
    await ok('PUT', `/v1.0/webhooks/${webhook.id}`, { events: ['call_hungup'] });
    expect((await send('PUT', `/v1.0/webhooks/${webhook.id}`, { body: { events: ['nothing_happened'] } })).status).toBe(400);
    await ok('GET', `/v1.0/webhooks/${webhook.id}/deliveries`);
    expect((await send('GET', `/v1.0/webhooks/${webhook.id}/deliveries?page_token=abc`)).status).toBe(400);
    await ok('DELETE', `/v1.0/webhooks/${webhook.id}`);
    expect((await send('GET', `/v1.0/webhooks/${webhook.id}`)).status).toBe(404);
    expect((await send('DELETE', `/v1.0/webhooks/${webhook.id}`)).status).toBe(404);
    expect(problemsOf('/v1.0/webhooks')).toEqual([]);
  });

  it('customers, users, access keys and logging in', async () => {
    const other = await t.newCustomer('contract-other');
    expect((await send('GET', '/v1.0/customers', { token: other.token })).status).toBe(403);
    expect((await send('POST', '/v1.0/customers', { body: { name: '' } })).status).toBe(400);
    const customer = await ok('POST', '/v1.0/customers', { name: 'Acme', detail: '', email: 'ops@acme.test', phone_number: '', address: '', webhook_method: 'POST', webhook_uri: '' });
    await ok('GET', '/v1.0/customers');
    expect((await send('GET', '/v1.0/customers?page_token=never')).status).toBe(400);
    await ok('GET', `/v1.0/customers/${customer.id}`);
    expect((await send('GET', `/v1.0/customers/${UNKNOWN}`)).status).toBe(404);
    await ok('PUT', `/v1.0/customers/${customer.id}`, { name: 'Acme Inc', detail: 'renamed' });
    expect((await send('PUT', `/v1.0/customers/${customer.id}`, { body: { webhook_method: 'PATCH' } })).status).toBe(400);
    expect((await send('PUT', `/v1.0/customers/${customer.id}`, { body: { name: 'x' }, token: other.token })).status).toBe(403);
    await ok('DELETE', `/v1.0/customers/${customer.id}`);
    await ok('GET', '/v1.0/customer', undefined, other.token);
    const own = await ok('PUT', '/v1.0/customer', { webhook_uri: receiver.url('/own'), webhook_method: 'PUT' }, other.token);
    expect(own.webhook_secret).toMatch(/^whsec_/);
    await ok('PUT', '/v1.0/customer', { webhook_uri: '' }, other.token);
    expect((await send('PUT', '/v1.0/customer', { body: { webhook_uri: 'not a url' }, token: other.token })).status).toBe(400);
    await ok('GET', '/v1.0/me');
    await ok('GET', '/v1.0/me', undefined, other.token);
    expect((await send('DELETE', `/v1.0/customers/${t.app.bootstrap!.customerId}`)).status).toBe(409);

    expect((await send('POST', '/v1.0/users', { body: { username: 'contract' } })).status).toBe(400);
    const user = await ok('POST', '/v1.0/users', { username: 'contract', password: 'contract-password' });
    expect((await send('POST', '/v1.0/users', { body: { username: 'contract', password: 'contract-password' } })).status).toBe(409);
    await ok('GET', '/v1.0/users');
    expect((await send('GET', '/v1.0/users?page_size=x')).status).toBe(400);
    const login = await ok('POST', '/auth/login', { username: 'contract', password: 'contract-password' }, '');
    expect((await send('POST', '/auth/login', { body: { username: 'contract', password: 'wrong-password' }, token: null })).status).toBe(401);
    expect((await send('POST', '/auth/login', { raw: '{', token: null })).status).toBe(400);
    await ok('GET', '/v1.0/users', undefined, login.token as string);
    expect((await ok('GET', '/v1.0/me', undefined, login.token as string)).username).toBe('contract');
    await ok('DELETE', `/v1.0/users/${user.id}`);
    expect((await send('DELETE', `/v1.0/users/${user.id}`)).status).toBe(404);

    expect((await send('POST', '/v1.0/accesskeys', { body: { expire: 'soon' } })).status).toBe(400);
    const key = await ok('POST', '/v1.0/accesskeys', { name: 'ci', detail: 'for CI', expire: 3600 });
    await ok('GET', '/v1.0/accesskeys');
    expect((await send('GET', '/v1.0/accesskeys?page_size=0')).status).toBe(400);
    await ok('GET', `/v1.0/accesskeys/${key.id}`);
    await ok('PUT', `/v1.0/accesskeys/${key.id}`, { name: 'ci-2', detail: 'renamed' });
    expect((await send('PUT', `/v1.0/accesskeys/${key.id}`, { body: { name: 7 } })).status).toBe(400);
    await ok('POST', `/v1.0/accesskeys/${key.id}/expire`);
    await ok('DELETE', `/v1.0/accesskeys/${key.id}`);
    expect((await send('GET', `/v1.0/accesskeys/${key.id}`)).status).toBe(404);
    expect((await send('POST', `/v1.0/accesskeys/bad/expire`)).status).toBe(400);
    expect((await send('DELETE', `/v1.0/accesskeys/${UNKNOWN}`)).status).toBe(404);
    expect(['/v1.0/customer', '/v1.0/users', '/v1.0/accesskeys', '/v1.0/me', '/auth'].flatMap(problemsOf)).toEqual([]);
  });

  it('transfers: start (both bodies), list, get, events, complete, cancel', async () => {
    const pair = async () => {
      const connect = { type: 'connect', option: { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15551111111' }] } };
      const caller = await answeredCall({ actions: [connect] });
      const withLeg = await waitFor(async () => (await send('GET', `/v1.0/calls/${caller.id}`)).body, (call) => call.chained_call_ids.length === 1, 'the connect leg');
      const leg = withLeg.chained_call_ids[0] as string;
      await waitFor(async () => (await send('GET', `/v1.0/calls/${leg}`)).body, (call) => call.status === 'progressing', 'the leg answered');
      return { caller: caller.id as string, leg };
    };
    const first = await pair();
    expect((await send('POST', `/v1.0/calls/${first.leg}/transfer`, { body: { type: 'warm' } })).status).toBe(400);
    const started = await ok('POST', `/v1.0/calls/${first.leg}/transfer`, { type: 'attended', destination: { type: 'tel', target: '+15550002001' }, context: { ticket: 1 } });
    expect((await send('POST', `/v1.0/calls/${first.leg}/transfer`, { body: { type: 'attended', destination: { type: 'tel', target: '+15550002001' } } })).status).toBe(409);
    await ok('GET', '/v1.0/transfers');
    expect((await send('GET', '/v1.0/transfers?page_token=yesterday')).status).toBe(400);
    await ok('GET', `/v1.0/transfers/${started.transfer_id}`);
    expect((await send('GET', `/v1.0/transfers/${UNKNOWN}`)).status).toBe(404);
    await ok('GET', `/v1.0/transfers/${started.transfer_id}/events`);
    expect((await send('GET', `/v1.0/transfers/not-a-uuid/events`)).status).toBe(400);
    await ok('POST', `/v1.0/transfers/${started.transfer_id}/cancel`);
    expect((await send('POST', `/v1.0/transfers/${started.transfer_id}/cancel`)).status).toBe(409);
    expect((await send('POST', `/v1.0/transfers/${started.transfer_id}/complete`)).status).toBe(409);
    expect((await send('POST', '/v1.0/transfers', { body: { transfer_type: 'blind', transferer_call_id: first.leg, transferee_addresses: 'x' } })).status).toBe(400);
    const second = await pair();
    const voipbin = await ok('POST', '/v1.0/transfers', { transfer_type: 'attended', transferer_call_id: second.leg, transferee_addresses: [{ type: 'tel', target: '+15550002001' }] });
    await waitFor(async () => (await send('GET', `/v1.0/transfers/${voipbin.id}`)).body, (tr) => tr.status === 'ringing', 'the transferee ringing');
    await ok('POST', `/v1.0/transfers/${voipbin.id}/complete`);
    await ok('POST', `/v1.0/calls/${first.caller}/hangup`);
    await ok('POST', `/v1.0/calls/${second.caller}/hangup`);
    expect(problemsOf('transfer')).toEqual([]);
  });

  it('the WebSocket: opens with credentials, refuses without them', async () => {
    const open = await upgrade(`/v1.0/ws?token=${t.accessKey}`);
    expect(open.status).toBe(101);
    const refused = await upgrade('/v1.0/ws?token=wrong');
    expect(refused.status).toBe(401);
    contract.check('GET', '/v1.0/ws', open.status, null, null);
    contract.check('GET', '/v1.0/ws', refused.status, refused.body, 'application/json');
    expect((await send('GET', '/v1.0/ws', { token: null })).status).toBe(404);
    expect(problemsOf('/v1.0/ws')).toEqual([]);
  });

  it('covered every operation with a good and a bad request, and no answer was off the document', () => {
    const uncovered = contract.operations
      .filter((op) => op.key !== 'GET /v1.0/openapi.json')
      .filter((op) => !(contract.seen.get(op.key)?.has('good') && contract.seen.get(op.key)?.has('bad')))
      .map((op) => `${op.key}: ${[...(contract.seen.get(op.key) ?? [])].join(',') || 'never sent'}`);
    expect(uncovered).toEqual([]);
    expect([...contract.problems.entries()]).toEqual([]);
  });
});


function upgrade(path: string): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(new URL(path, t.baseUrl.replace('http', 'ws')));
    socket.on('open', () => {
      socket.close();
      resolve({ status: 101, body: {} });
    });
    socket.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Json }));
    });
    socket.on('error', reject);
  });
}
