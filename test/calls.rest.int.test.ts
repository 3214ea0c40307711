import { TELEPHONY_QUEUE } from '../src/workers/telephony-queue';
import { queueOf } from './support/flows';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const NOT_YET = '9999-01-01 00:00:00.000000';
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;
const CALL_FIELDS = [
  'activeflow_id', 'attempts', 'chained_call_ids', 'customer_id', 'destination', 'dial_timeout', 'direction', 'early_execution', 'flow_id', 'groupcall_id', 'hangup_by', 'hangup_reason', 'hold', 'id', 'master_call_id', 'mute_direction', 'owner_id', 'owner_type', 'recording_id', 'recording_ids', 'source', 'status', 'tm_create', 'tm_delete', 'tm_hangup', 'tm_progressing', 'tm_ringing', 'tm_update', 'type',
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

interface Send {
  token?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** A request as a VoIPBIN client sends it: the key in `?token=` unless told otherwise. */
async function rest(method: string, path: string, { token = t.accessKey, body, raw, headers = {} }: Send = {}): Promise<Answer> {
  const url = new URL(`/v1.0${path}`, t.baseUrl);
  if (token) url.searchParams.set('token', token);
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(url, {
    method,
    headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}

const SOURCE = { type: 'tel', target: '+15551234567' };
const tel = (target: string) => ({ type: 'tel', target });

async function createCalls(targets: string[], token = t.accessKey, extra: Json = {}): Promise<Json[]> {
  const answer = await rest('POST', '/calls', { token, body: { source: SOURCE, destinations: targets.map(tel), ...extra } });
  expect(answer.status).toBe(200);
  expect(answer.body.groupcalls).toEqual([]);
  return answer.body.calls as Json[];
}

const getCall = async (id: string, token = t.accessKey): Promise<Json> => (await rest('GET', `/calls/${id}`, { token })).body;

const waitForStatus = (id: string, status: string) =>
  waitFor(() => getCall(id), (call) => call.status === status, `call ${id} to be ${status}`);

/** The error body, checked against the request id the response carries. */
function expectError(answer: Answer, http: number, status: string, reason: string): string {
  expect(answer.status).toBe(http);
  expect(answer.body).toEqual({ error: { status, reason, message: expect.any(String), request_id: answer.headers.get('x-request-id') } });
  expect(answer.body.error.request_id).toBeTruthy();
  return answer.body.error.message as string;
}

async function listAll(token: string, pageSize: number): Promise<Json[]> {
  const pages: Json[] = [];
  let pageToken = '';
  for (let guard = 0; guard < 50; guard++) {
    const query = new URLSearchParams({ page_size: String(pageSize), ...(pageToken ? { page_token: pageToken } : {}) });
    const answer = await rest('GET', `/calls?${query}`, { token });
    expect(answer.status).toBe(200);
    pages.push(answer.body);
    if (answer.body.result.length === 0) return pages;
    pageToken = answer.body.next_page_token;
  }
  throw new Error('paging did not end');
}

describe('POST /v1.0/calls', () => {
  it('answers {calls, groupcalls} as VoIPBIN does, each call dialing with every documented field and its "none" values', async () => {
    const [call, ...others] = await createCalls(['+15559876543']);
    expect(others).toEqual([]);
    expect(Object.keys(call!).sort()).toEqual(CALL_FIELDS);
    expect(call).toMatchObject({
      customer_id: t.app.bootstrap!.customerId,
      flow_id: ZERO,
      type: 'flow',
      master_call_id: ZERO,
      chained_call_ids: [],
      recording_id: ZERO,
      recording_ids: [],
      source: { type: 'tel', target: '+15551234567', target_name: '', name: '', detail: '' },
      destination: { type: 'tel', target: '+15559876543', target_name: '', name: '', detail: '' },
      status: 'dialing',
      direction: 'outgoing',
      owner_type: '',
      owner_id: ZERO,
      activeflow_id: ZERO,
      groupcall_id: null,
      hangup_by: '',
      hangup_reason: '',
      dial_timeout: 30000,
      early_execution: false,
      // The one attempt through the single default provider (no route matches: docs/routing.md).
      attempts: [{ provider_id: ZERO, provider_name: 'default', cause: 0, hangup_reason: '', tm_start: expect.stringMatching(TIMESTAMP), tm_end: NOT_YET }],
      tm_progressing: NOT_YET,
      tm_ringing: NOT_YET,
      tm_hangup: NOT_YET,
      tm_delete: NOT_YET,
    });
    expect(call!.tm_create).toMatch(TIMESTAMP);
    expect(call!.tm_create).not.toBe(NOT_YET);
    // No action yet: no `action` at all, never VoIPBIN's enum-less `type: ""`.
    expect(call).not.toHaveProperty('action');
  });

  it('makes one call per destination, with the options it was given', async () => {
    const calls = await createCalls(['+15559870001', '+15559870002'], t.accessKey, {
      dial_timeout: 5000,
      early_execution: true,
      actions: [{ type: 'talk', option: { text: 'hello', language: 'en-US' } }],
    });
    expect(calls.map((call) => call.destination.target)).toEqual(['+15559870001', '+15559870002']);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    for (const call of calls) {
      expect(call).toMatchObject({ status: 'dialing', dial_timeout: 5000, early_execution: true });
      expect(call.flow_id).not.toBe(ZERO); // the temporary flow made from the inline actions
      expect(call.activeflow_id).not.toBe(ZERO); // named now; the activeflow starts on the answer
    }
    // The activeflow the call names is the one that runs on it.
    const activeflow = await waitFor(async () => (await rest('GET', `/activeflows/${calls[0]!.activeflow_id}`)).body, (flow) => flow.reference_id === calls[0]!.id, 'the activeflow');
    expect(activeflow).toMatchObject({ id: calls[0]!.activeflow_id, flow_id: calls[0]!.flow_id, forward_action_id: ZERO, on_complete_flow_id: ZERO });
  });

  it('presents the source number and name to the far end, as the caller id it is offered', async () => {
    const [call] = await createCalls(['+15559876599'], t.accessKey, { source: { ...SOURCE, name: 'Front desk' } });
    const offered = await waitFor(() => simChannel(t.simUrl, call!.id), (record) => Boolean(record?.caller_id_offered), 'the dial');
    expect(offered?.caller_id_offered).toEqual({ number: SOURCE.target, name: 'Front desk' });
  });

  it('dials once the channel is in the application: a StasisStart after the create answer needs no retry', async () => {
    const telephony = queueOf(t, TELEPHONY_QUEUE);
    await simPost(t.simUrl, '/sim/settings', { hold_stasis_start: true });
    let id: string;
    try {
      [{ id }] = (await createCalls(['+15559876597'])) as [{ id: string }];
      const made = await waitFor(() => simChannel(t.simUrl, id), (record) => record !== null, 'the channel');
      expect(made).toMatchObject({ state: 'Down', dial_status: null });
      const job = await waitFor(() => telephony.queue.getJob(`originate_${id}`), (found) => found?.finishedOn !== undefined, 'the originate job');
      expect({ failed: job?.failedReason ?? null, attempts: job?.attemptsMade }).toEqual({ failed: null, attempts: 1 });
    } finally {
      await simPost(t.simUrl, '/sim/settings', { hold_stasis_start: false });
      await telephony.close();
    }
    expect((await simPost(t.simUrl, `/sim/channels/${id}/stasis-start`)).status).toBe(204);
    expect(await waitFor(() => getCall(id), (call) => call.status === 'progressing', 'the answer')).toMatchObject({ status: 'progressing' });
    await rest('POST', `/calls/${id}/hangup`, {});
  });

  it('shows a chained call in its master’s chained_call_ids', async () => {
    const [master] = await createCalls(['+15559870003']);
    const [chained] = await createCalls(['+15559870004'], t.accessKey, { master_call_id: master!.id });
    expect(chained!.master_call_id).toBe(master!.id);
    expect((await getCall(master!.id)).chained_call_ids).toEqual([chained!.id]);
  });
});

describe('credentials', () => {
  let id: string;
  beforeAll(async () => {
    [{ id }] = (await createCalls(['+15559870010'])) as [Json];
  });

  it.each([
    ['?token=', (key: string) => ({ path: `?token=${key}`, headers: {} })],
    ['?accesskey=', (key: string) => ({ path: `?accesskey=${key}`, headers: {} })],
    ['Authorization: Bearer', (key: string) => ({ path: '', headers: { authorization: `Bearer ${key}` } })],
    ['cookie token=', (key: string) => ({ path: '', headers: { cookie: `token=${key}` } })],
    ['cookie accesskey=', (key: string) => ({ path: '', headers: { cookie: `other=1; accesskey=${key}` } })],
  ])('finds the access key in %s', async (_where, place) => {
    const { path, headers } = place(encodeURIComponent(t.accessKey));
    const answer = await rest('GET', `/calls/${id}${path}`, { token: null, headers });
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(id);
  });

  it('answers 401 in the error envelope without a key or with an unknown one', async () => {
    expectError(await rest('GET', `/calls/${id}`, { token: null }), 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED');
    expectError(await rest('GET', '/calls', { token: 'not-a-key' }), 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED');
    expectError(await rest('POST', '/calls', { token: null, body: { source: SOURCE, destinations: [tel('+15559870011')] } }), 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED');
  });

  it('echoes the client’s X-Request-Id in the error', async () => {
    const answer = await rest('GET', `/calls/${id}`, { token: null, headers: { 'x-request-id': 'client-req-1' } });
    expect(answer.body.error.request_id).toBe('client-req-1');
  });
});

describe('a call’s life through REST', () => {
  it('is answered, hung up by POST /hangup (terminating, then hangup local/normal), and refuses a second hangup with 409', async () => {
    const [created] = await createCalls(['+15559876543']);
    const answered = await waitForStatus(created!.id, 'progressing');
    expect(answered.tm_progressing).not.toBe(NOT_YET);
    expect(answered.tm_ringing).not.toBe(NOT_YET);

    const hangup = await rest('POST', `/calls/${created!.id}/hangup`);
    expect(hangup.status).toBe(200);
    expect(hangup.body).toMatchObject({ id: created!.id, status: 'terminating' });

    const ended = await waitForStatus(created!.id, 'hangup');
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    expect(ended.tm_hangup).toMatch(TIMESTAMP);
    expect(ended.tm_hangup).not.toBe(NOT_YET);

    expectError(await rest('POST', `/calls/${created!.id}/hangup`), 409, 'FAILED_PRECONDITION', 'CALL_ALREADY_HUNGUP');
    expect(await getCall(created!.id)).toEqual(ended);
  });

  it('reads the same through REST and GraphQL', async () => {
    const [created] = await createCalls(['+15550001001']); // busy
    const ended = await waitForStatus(created!.id, 'hangup');
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
      body: JSON.stringify({ query: `{ call(id: "${created!.id}") { id status hangupBy hangupReason source { target } } }` }),
    });
    const { data } = (await response.json()) as { data: { call: Json } };
    expect({
      id: data.call.id,
      status: String(data.call.status).toLowerCase(),
      hangup_by: String(data.call.hangupBy).toLowerCase(),
      hangup_reason: String(data.call.hangupReason).toLowerCase(),
      source: data.call.source.target,
    }).toEqual({ id: ended.id, status: ended.status, hangup_by: ended.hangup_by, hangup_reason: ended.hangup_reason, source: ended.source.target });
    expect(ended).toMatchObject({ hangup_by: 'remote', hangup_reason: 'busy' });
  });
});

describe('GET /v1.0/calls', () => {
  it('pages through every call once, newest first, until a page comes back empty', async () => {
    const { token, customerId } = await t.newCustomer('pager');
    await t.ownNumber(customerId, '+15551239999'); // a tel call comes from one of the caller's own numbers
    const created: string[] = [];
    for (const target of ['+15559871001', '+15559871002', '+15559871003', '+15559871004', '+15559871005']) {
      created.push((await createCalls([target], token, { source: tel('+15551239999') }))[0]!.id);
    }
    const pages = await listAll(token, 2);
    expect(pages.map((page) => page.result.length)).toEqual([2, 2, 1, 0]);
    expect(pages.flatMap((page) => page.result.map((call: Json) => call.id))).toEqual([...created].reverse());
    expect(pages.at(-1)).toEqual({ result: [], next_page_token: '' });
    for (const page of pages.slice(0, -1)) {
      expect(page.next_page_token).toMatch(TIMESTAMP);
    }
    const all = await rest('GET', '/calls', { token });
    expect(all.body.result.map((call: Json) => call.id)).toEqual([...created].reverse());
    expect(Object.keys(all.body.result[0]).sort()).toEqual(CALL_FIELDS);
  });

  it('answers an empty result, never null, for a customer without calls', async () => {
    const { token } = await t.newCustomer('empty');
    expect((await rest('GET', '/calls', { token })).body).toEqual({ result: [], next_page_token: '' });
  });

  it.each([['page_token=yesterday', 'page_token'], ['page_size=0', 'page_size'], ['page_size=abc', 'page_size']])('refuses %s naming the parameter', async (query, field) => {
    const message = expectError(await rest('GET', `/calls?${query}`), 400, 'INVALID_ARGUMENT', 'VALIDATION_FAILED');
    expect(message).toContain(field);
  });

  it('no longer lists a deleted call, which stays readable by id', async () => {
    const [call] = await createCalls(['+15559872001']);
    const deleted = await rest('DELETE', `/calls/${call!.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.id).toBe(call!.id);
    expect(deleted.body.tm_delete).not.toBe(NOT_YET);
    const ids = (await listAll(t.accessKey, 100)).flatMap((page) => page.result.map((item: Json) => item.id));
    expect(ids).not.toContain(call!.id);
    expect((await rest('GET', `/calls/${call!.id}`)).status).toBe(200);
    await waitForStatus(call!.id, 'hangup');
  });
});

describe('refused requests', () => {
  let customer: { token: string };
  beforeAll(async () => {
    customer = await t.newCustomer('refused');
  });

  it('refuses destination "+1 555-123" naming destinations[0].target, and creates nothing', async () => {
    const answer = await rest('POST', '/calls', { token: customer.token, body: { source: SOURCE, destinations: [tel('+1 555-123')] } });
    expect(expectError(answer, 400, 'INVALID_ARGUMENT', 'INVALID_ADDRESS')).toContain('destinations[0].target');
    expect((await rest('GET', '/calls', { token: customer.token })).body).toEqual({ result: [], next_page_token: '' });
  });

  it.each([
    ['destinations', { destinations: 'tel:+15559876543' }],
    ['destinations', { destinations: [] }],
    ['destinations[1]', { destinations: [tel('+15559876543'), 'x'] }],
    ['dial_timeout', { dial_timeout: '5000' }],
    ['early_execution', { early_execution: 'yes' }],
    ['source', { source: 5 }],
    ['source.target_name', { source: { ...SOURCE, target_name: 7 } }],
    ['flow_id', { flow_id: 12 }],
    ['actions', { actions: { type: 'talk' } }],
    ['master_call_id', { master_call_id: 'not-a-uuid' }],
  ])('answers 400 naming %s for a value of the wrong type, and creates nothing', async (field, fields) => {
    const body = { source: SOURCE, destinations: [tel('+15559876543')], ...fields };
    const answer = await rest('POST', '/calls', { token: customer.token, body });
    expect(answer.status).toBe(400);
    expect(answer.body.error.status).toBe('INVALID_ARGUMENT');
    expect(answer.body.error.message).toContain(field);
    expect((await rest('GET', '/calls', { token: customer.token })).body.result).toEqual([]);
  });

  it('answers 400 for malformed JSON and for a body that is not an object', async () => {
    expectError(await rest('POST', '/calls', { token: customer.token, raw: '{"source": ' }), 400, 'INVALID_ARGUMENT', 'MALFORMED_REQUEST');
    expectError(await rest('POST', '/calls', { token: customer.token, raw: '[]' }), 400, 'INVALID_ARGUMENT', 'VALIDATION_FAILED');
  });

  it('answers 413 for a body over 1 MB', async () => {
    const raw = JSON.stringify({ source: SOURCE, destinations: [tel('+15559876543')], padding: 'x'.repeat(1_100_000) });
    expectError(await rest('POST', '/calls', { token: customer.token, raw }), 413, 'INVALID_ARGUMENT', 'PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['GET', '/calls/not-a-uuid'],
    ['POST', '/calls/not-a-uuid/hangup'],
    ['DELETE', '/calls/not-a-uuid'],
  ])('answers 400 for %s %s (an id that is not a UUID)', async (method, path) => {
    expect(expectError(await rest(method, path), 400, 'INVALID_ARGUMENT', 'VALIDATION_FAILED')).toContain('id');
  });

  it('answers 404 for a route that does not exist, with or without a key', async () => {
    expectError(await rest('GET', '/nothing-here'), 404, 'NOT_FOUND', 'ROUTE_NOT_FOUND');
    expectError(await rest('GET', '/nothing-here', { token: null }), 404, 'NOT_FOUND', 'ROUTE_NOT_FOUND');
    expectError(await rest('PUT', '/calls'), 404, 'NOT_FOUND', 'ROUTE_NOT_FOUND');
  });
});

describe('tenancy', () => {
  it('answers 404 to another customer on GET, hangup and DELETE, and leaves the call as it was', async () => {
    const [call] = await createCalls(['+15550002001']); // rings until the dial timeout
    const before = await waitForStatus(call!.id, 'ringing');
    const other = await t.newCustomer('intruder');
    for (const [method, path] of [['GET', `/calls/${call!.id}`], ['POST', `/calls/${call!.id}/hangup`], ['DELETE', `/calls/${call!.id}`]] as const) {
      expectError(await rest(method, path, { token: other.token }), 404, 'NOT_FOUND', 'CALL_NOT_FOUND');
    }
    expect(await getCall(call!.id)).toEqual(before);
    expect((await rest('GET', '/calls', { token: other.token })).body.result).toEqual([]);
    const ids = (await listAll(t.accessKey, 100)).flatMap((page) => page.result.map((item: Json) => item.id));
    expect(ids).toContain(call!.id);
    await rest('POST', `/calls/${call!.id}/hangup`);
  });
});
