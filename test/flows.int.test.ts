import { CreateCallsDocument, CreateFlowDocument, DeleteFlowDocument, GetFlowDocument, ListFlowsDocument, UpdateFlowDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let customer: { token: string; customerId: string };
beforeAll(async () => {
  t = await startTestApp();
  customer = await t.newCustomer('flows');
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ZERO = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

async function rest(method: string, path: string, body?: unknown, token = customer.token): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${t.baseUrl}/v1.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const listIds = async (token = customer.token) => ((await rest('GET', '/flows', undefined, token)).body.result as Json[]).map((flow) => flow.id as string);

/** The spec's branch example, shortened: readable ids, a branch, a goto loop. */
const BRANCH_FLOW = [
  { id: 'menu', type: 'talk', option: { text: 'Press 1', language: 'en-US' } },
  { type: 'digits_receive', option: { duration: 5000, length: 1 } },
  { type: 'branch', option: { default_target_id: 'default', target_ids: { '1': 'one' } } },
  { id: 'one', type: 'talk', option: { text: 'one' } },
  { type: 'hangup' },
  { id: 'default', type: 'dtmf_send', option: { dtmfs: '123', duration: 500, interval: 500 } },
  { type: 'goto', option: { target_id: 'menu', loop_count: 2 } },
];

describe('REST /v1.0/flows', () => {
  it('creates a flow in VoIPBIN’s shape, ids filled in, actions as written', async () => {
    const answer = await rest('POST', '/flows', { name: 'menu', detail: 'the branch example', actions: BRANCH_FLOW });
    expect(answer.status).toBe(200);
    const flow = answer.body;
    expect(Object.keys(flow).sort()).toEqual(['actions', 'customer_id', 'detail', 'id', 'name', 'on_complete_flow_id', 'tm_create', 'tm_delete', 'tm_update', 'type']);
    expect(flow).toMatchObject({ customer_id: customer.customerId, type: 'flow', name: 'menu', detail: 'the branch example', on_complete_flow_id: ZERO, tm_delete: '9999-01-01 00:00:00.000000' });
    expect(flow.tm_create).toMatch(TIMESTAMP);
    expect(flow.actions).toHaveLength(BRANCH_FLOW.length);
    expect(flow.actions[0]).toEqual(BRANCH_FLOW[0]);
    expect(flow.actions[1].id).toMatch(UUID);
    expect(flow.actions[5]).toEqual(BRANCH_FLOW[5]); // the alias and VoIPBIN's option spelling stay as written
    expect((await rest('GET', `/flows/${flow.id}`)).body).toEqual(flow);
  });

  it.each([
    [{ actions: [{ type: 'answer' }, { type: 'teleport' }] }, 'actions[1].type'],
    [{ actions: [{ type: 'answer' }, { type: 'branch', option: { target_ids: { '1': 'nowhere' } } }] }, 'actions[1].option.target_ids.1: names no action of this flow'],
    [{ actions: [{ type: 'goto', option: { target_id: 'x' } }] }, 'actions[0].option.target_id: names no action of this flow'],
    [{ actions: [{ type: 'digits_send', option: { digits: '12x' } }] }, 'actions[0].option.digits'],
    [{ actions: [{ type: 'play', option: { stream_urls: ['ftp://example.com/a.wav'] } }] }, 'actions[0].option.stream_urls[0]'],
    [{ actions: [{ type: 'record_start', option: { format: 'flac' } }] }, 'actions[0].option.format'],
    [{ actions: 'talk' }, 'actions'],
    [{ name: 5 }, 'name'],
    [{ on_complete_flow_id: 'nope' }, 'on_complete_flow_id'],
  ])('refuses %j with 400 naming the field, and creates nothing', async (body, message) => {
    const before = await listIds();
    const answer = await rest('POST', '/flows', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ status: 'INVALID_ARGUMENT' });
    expect(answer.body.error.message).toContain(message);
    expect(await listIds()).toEqual(before);
  });

  it('links on_complete_flow_id only to another flow of the same customer', async () => {
    const next = (await rest('POST', '/flows', { name: 'next' })).body;
    const first = await rest('POST', '/flows', { name: 'first', on_complete_flow_id: next.id });
    expect(first.body.on_complete_flow_id).toBe(next.id);
    const other = await t.newCustomer('other-flows');
    const foreign = await rest('POST', '/flows', { on_complete_flow_id: next.id }, other.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.reason).toBe('FLOW_NOT_FOUND');
    const self = await rest('PUT', `/flows/${next.id}`, { on_complete_flow_id: next.id });
    expect(self.status).toBe(400);
    expect(self.body.error.message).toContain('on_complete_flow_id');
    const loop = await rest('PUT', `/flows/${next.id}`, { on_complete_flow_id: first.body.id }); // first → next → first
    expect(loop.status).toBe(400);
    expect(loop.body.error.message).toContain('loop');
    expect((await rest('GET', `/flows/${next.id}`)).body.on_complete_flow_id).toBe(ZERO);
  });

  it('updates the given fields, keeps the others, and refuses a bad update without change', async () => {
    const flow = (await rest('POST', '/flows', { name: 'before', detail: 'kept', actions: [{ type: 'answer' }] })).body;
    const updated = await rest('PUT', `/flows/${flow.id}`, { name: 'after', actions: [{ id: 'a', type: 'hangup', option: { reason: 'busy' } }] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: flow.id, name: 'after', detail: 'kept', actions: [{ id: 'a', type: 'hangup', option: { reason: 'busy' } }] });
    const refused = await rest('PUT', `/flows/${flow.id}`, { name: 'never', actions: [{ type: 'hangup', option: { reason: 'bored' } }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('actions[0].option.reason');
    expect((await rest('GET', `/flows/${flow.id}`)).body).toEqual(updated.body);
  });

  it('deletes a flow: gone from the list and from GET, a second delete answers 404', async () => {
    const flow = (await rest('POST', '/flows', { name: 'doomed' })).body;
    const deleted = await rest('DELETE', `/flows/${flow.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.tm_delete).not.toBe('9999-01-01 00:00:00.000000');
    expect(await listIds()).not.toContain(flow.id);
    expect((await rest('GET', `/flows/${flow.id}`)).status).toBe(404);
    expect((await rest('DELETE', `/flows/${flow.id}`)).status).toBe(404);
  });

  it('pages newest first with VoIPBIN’s page_size and page_token, until an empty page', async () => {
    const pager = await t.newCustomer('pager');
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await rest('POST', '/flows', { name: `f${i}` }, pager.token)).body.id);
    const seen: string[] = [];
    let token = '';
    for (let page = 0; page < 5; page++) {
      const answer = (await rest('GET', `/flows?page_size=2${token ? `&page_token=${encodeURIComponent(token)}` : ''}`, undefined, pager.token)).body;
      if (answer.result.length === 0) break;
      seen.push(...answer.result.map((flow: Json) => flow.id));
      token = answer.next_page_token;
    }
    expect(seen).toEqual([...created].reverse());
  });

  it('keeps a call’s inline actions as a temporary flow: readable by id, not listed, not changeable', async () => {
    const flowsBefore = await listIds(t.accessKey);
    const { body } = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }], actions: [{ type: 'talk', option: { text: 'hi' } }] }, t.accessKey);
    const flowId = body.calls[0].flow_id as string;
    const flow = await rest('GET', `/flows/${flowId}`, undefined, t.accessKey);
    expect(flow.body).toMatchObject({ type: 'temporary', actions: [{ type: 'talk', option: { text: 'hi' } }] });
    expect(flow.body.actions[0].id).toMatch(UUID);
    expect(await listIds(t.accessKey)).toEqual(flowsBefore);
    expect((await rest('PUT', `/flows/${flowId}`, { name: 'x' }, t.accessKey)).status).toBe(409);
    expect((await rest('DELETE', `/flows/${flowId}`, undefined, t.accessKey)).status).toBe(409);
  });
});

describe('inline actions at call create are checked as a flow’s', () => {
  it.each([
    [[{ type: 'talk' }], 'actions[0].option.text'],
    [[{ type: 'goto', option: { target_id: 'missing', loop_count: 1 } }], 'actions[0].option.target_id: names no action of this flow'],
    [[{ type: 'nope' }], 'actions[0].type'],
    [[{ type: 'recording_start', option: { duration: -1 } }], 'actions[0].option.duration'],
  ])('REST refuses %j with 400 naming %s, and creates no call', async (actions, message) => {
    const body = { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }], actions };
    const answer = await rest('POST', '/calls', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(message);
    expect((await rest('GET', '/calls')).body.result).toEqual([]);
  });
});

describe('inline actions at call create over GraphQL', () => {
  it('refuses an invalid action with VALIDATION_FAILED naming it, and creates no call', async () => {
    const result = await graphql(t.baseUrl, customer.token, CreateCallsDocument, {
      input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559876543' }], actions: [{ type: 'play', option: { stream_urls: [] } }] },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'actions[0].option.stream_urls' });
    expect((await rest('GET', '/calls')).body.result).toEqual([]);
  });
});

describe('GraphQL flows', () => {
  it('creates, reads, lists, updates and deletes a flow', async () => {
    const created = await graphql(t.baseUrl, customer.token, CreateFlowDocument, {
      input: { name: 'gql', actions: [{ type: 'talk', option: { text: 'hello' } }, { id: 'end', type: 'hangup' }] },
    });
    expect(created.errors).toBeUndefined();
    const flow = created.data!.createFlow;
    expect(flow).toMatchObject({ type: 'flow', name: 'gql', detail: '', onCompleteFlowId: null });
    expect(flow.actions[0]).toMatchObject({ type: 'talk', option: { text: 'hello' } });
    expect(flow.actions[0]!.id).toMatch(UUID);
    expect(flow.actions[1]).toEqual({ id: 'end', type: 'hangup', option: {} });
    expect((await graphql(t.baseUrl, customer.token, GetFlowDocument, { id: flow.id })).data?.flow).toEqual(flow);
    const listed = await graphql(t.baseUrl, customer.token, ListFlowsDocument, { first: 1 });
    expect(listed.data?.flows.nodes.map((node) => node.id)).toEqual([flow.id]);
    expect(listed.data?.flows.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(t.baseUrl, customer.token, ListFlowsDocument, { first: 100, after: listed.data!.flows.pageInfo.endCursor });
    expect(second.data?.flows.nodes.map((node) => node.id)).not.toContain(flow.id);

    const updated = await graphql(t.baseUrl, customer.token, UpdateFlowDocument, { id: flow.id, input: { detail: 'changed' } });
    expect(updated.data?.updateFlow).toMatchObject({ name: 'gql', detail: 'changed', actions: flow.actions });
    expect((await graphql(t.baseUrl, customer.token, DeleteFlowDocument, { id: flow.id })).data?.deleteFlow.id).toBe(flow.id);
    expect((await graphql(t.baseUrl, customer.token, GetFlowDocument, { id: flow.id })).data?.flow).toBeNull();
  });

  it('refuses an invalid flow with VALIDATION_FAILED naming the action and field', async () => {
    const result = await graphql(t.baseUrl, customer.token, CreateFlowDocument, {
      input: { actions: [{ type: 'answer' }, { type: 'digits_send', option: { digits: '1', duration: 5 } }] },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(result.errors?.[0]?.message).toContain('actions[1].option.duration');
  });
});
