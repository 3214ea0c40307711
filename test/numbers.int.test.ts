import { CreateCallsDocument, CreateNumberDocument, DeleteNumberDocument, GetNumberDocument, ListNumbersDocument, UpdateNumberDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let alice: { token: string; customerId: string };
let bob: { token: string; customerId: string };
beforeAll(async () => {
  t = await startTestApp();
  alice = await t.newCustomer('alice');
  bob = await t.newCustomer('bob');
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ZERO = '00000000-0000-0000-0000-000000000000';
const NOT_YET = '9999-01-01 00:00:00.000000';

async function rest(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${t.baseUrl}/v1.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}
const listed = async (token: string) => ((await rest('GET', '/numbers', token)).body.result as Json[]).map((n) => n.number as string);
const call = (token: string, source: Json) => rest('POST', '/calls', token, { source, destinations: [{ type: 'tel', target: '+15559876543' }] });

describe('REST /v1.0/numbers', () => {
  it('registers a number with its flow, in VoIPBIN’s shape', async () => {
    const flow = (await rest('POST', '/flows', alice.token, { name: 'inbound' })).body;
    const answer = await rest('POST', '/numbers', alice.token, { number: '+15550100001', call_flow_id: flow.id, name: 'main line', detail: 'front desk' });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['call_flow_id', 'customer_id', 'detail', 'emergency_enabled', 'flow_id', 'id', 'message_flow_id', 'name', 'number', 'status', 't38_enabled', 'tm_create', 'tm_delete', 'tm_update']);
    expect(answer.body).toMatchObject({ message_flow_id: ZERO, t38_enabled: false, emergency_enabled: false });
    expect(answer.body).toMatchObject({ customer_id: alice.customerId, number: '+15550100001', call_flow_id: flow.id, flow_id: flow.id, name: 'main line', detail: 'front desk', status: 'active', tm_delete: NOT_YET });
    expect((await rest('GET', `/numbers/${answer.body.id}`, alice.token)).body).toEqual(answer.body);
    expect(await listed(alice.token)).toContain('+15550100001');
  });

  it('answers 409 for a number another customer (or the same one) holds, and changes nothing', async () => {
    await rest('POST', '/numbers', alice.token, { number: '+15550100002' });
    const taken = await rest('POST', '/numbers', bob.token, { number: '+15550100002' });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ status: 'ALREADY_EXISTS', reason: 'ALREADY_EXISTS', message: expect.stringMatching(/^number:/) });
    expect(await listed(bob.token)).toEqual([]);
    expect((await rest('POST', '/numbers', alice.token, { number: '+15550100002' })).status).toBe(409);
    expect((await listed(alice.token)).filter((n) => n === '+15550100002')).toHaveLength(1);
  });

  it('lets another customer register a number once it is released', async () => {
    const held = (await rest('POST', '/numbers', alice.token, { number: '+15550100003' })).body;
    const released = await rest('DELETE', `/numbers/${held.id}`, alice.token);
    expect(released.body).toMatchObject({ status: 'deleted' });
    expect(released.body.tm_delete).not.toBe(NOT_YET);
    expect(await listed(alice.token)).not.toContain('+15550100003');
    expect((await rest('GET', `/numbers/${held.id}`, alice.token)).status).toBe(404);
    expect((await rest('POST', '/numbers', bob.token, { number: '+15550100003' })).status).toBe(200);
  });

  it.each([
    [{}, 'number'],
    [{ number: '5551234' }, 'number'],
    [{ number: '+1 555 010 0009' }, 'number'],
    [{ number: 15550100009 }, 'number'],
    [{ number: '+15550100009', name: 7 }, 'name'],
    [{ number: '+15550100009', call_flow_id: 'not-a-uuid' }, 'call_flow_id'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const answer = await rest('POST', '/numbers', alice.token, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain(field);
    expect(await listed(alice.token)).not.toContain('+15550100009');
  });

  it('takes only a flow of the same customer as call_flow_id (also spelled flow_id)', async () => {
    const bobsFlow = (await rest('POST', '/flows', bob.token, {})).body;
    const refused = await rest('POST', '/numbers', alice.token, { number: '+15550100004', call_flow_id: bobsFlow.id });
    expect(refused.status).toBe(404);
    expect(refused.body.error.reason).toBe('FLOW_NOT_FOUND');
    const number = (await rest('POST', '/numbers', alice.token, { number: '+15550100004' })).body;
    expect(number.call_flow_id).toBe(ZERO);
    const flow = (await rest('POST', '/flows', alice.token, {})).body;
    const updated = await rest('PUT', `/numbers/${number.id}`, alice.token, { flow_id: flow.id, name: 'renamed' });
    expect(updated.body).toMatchObject({ call_flow_id: flow.id, name: 'renamed', number: '+15550100004' });
    const cleared = await rest('PUT', `/numbers/${number.id}`, alice.token, { call_flow_id: ZERO });
    expect(cleared.body).toMatchObject({ call_flow_id: ZERO, name: 'renamed' });
    const renumbered = await rest('PUT', `/numbers/${number.id}`, alice.token, { number: '+15550100099' });
    expect(renumbered.status).toBe(400);
    expect((await rest('GET', `/numbers/${number.id}`, alice.token)).body.number).toBe('+15550100004');
  });
});

describe('the source of an outgoing tel call', () => {
  it('must be one of the customer’s numbers: 400 naming source.target, and no call is made', async () => {
    const carol = await t.newCustomer('carol');
    const refused = await call(carol.token, { type: 'tel', target: '+15550100002' }); // alice's number
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('source.target');
    expect((await rest('GET', '/calls', carol.token)).body.result).toEqual([]);
  });

  it('is accepted from a number the customer holds, and refused once it is released', async () => {
    const number = (await rest('POST', '/numbers', bob.token, { number: '+15550100005' })).body;
    const made = await call(bob.token, { type: 'tel', target: '+15550100005' });
    expect(made.status).toBe(200);
    await rest('DELETE', `/numbers/${number.id}`, bob.token);
    expect((await call(bob.token, { type: 'tel', target: '+15550100005' })).status).toBe(400);
  });

  it('is not checked against numbers for other address types', async () => {
    expect((await call(bob.token, { type: 'sip', target: 'bob@example.com' })).status).toBe(200);
  });

  it('is checked on GraphQL too: VALIDATION_FAILED naming source.target', async () => {
    const result = await graphql(t.baseUrl, bob.token, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15550100001' }, destinations: [{ type: 'TEL', target: '+15559876543' }] } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'source.target' });
  });
});

describe('GraphQL numbers', () => {
  it('creates, reads, lists, updates and deletes a number; ALREADY_EXISTS for a taken one', async () => {
    const created = await graphql(t.baseUrl, alice.token, CreateNumberDocument, { input: { number: '+15550100006', name: 'gql' } });
    expect(created.errors).toBeUndefined();
    const number = created.data!.createNumber;
    expect(number).toMatchObject({ number: '+15550100006', name: 'gql', callFlowId: null, status: 'active' });
    expect((await graphql(t.baseUrl, alice.token, GetNumberDocument, { id: number.id })).data?.number).toEqual(number);
    expect((await graphql(t.baseUrl, bob.token, GetNumberDocument, { id: number.id })).data?.number).toBeNull();
    const page = await graphql(t.baseUrl, alice.token, ListNumbersDocument, { first: 1 });
    expect(page.data?.numbers.nodes.map((n) => n.id)).toEqual([number.id]);
    const rest2 = await graphql(t.baseUrl, alice.token, ListNumbersDocument, { after: page.data!.numbers.pageInfo.endCursor });
    expect(rest2.data?.numbers.nodes.map((n) => n.id)).not.toContain(number.id);
    expect(rest2.data?.numbers.nodes.length).toBeGreaterThan(0);

    const taken = await graphql(t.baseUrl, bob.token, CreateNumberDocument, { input: { number: '+15550100006' } });
    expect(taken.errors?.[0]?.extensions?.code).toBe('ALREADY_EXISTS');
    const updated = await graphql(t.baseUrl, alice.token, UpdateNumberDocument, { id: number.id, input: { detail: 'changed' } });
    expect(updated.data?.updateNumber).toMatchObject({ name: 'gql', detail: 'changed' });
    expect((await graphql(t.baseUrl, alice.token, DeleteNumberDocument, { id: number.id })).data?.deleteNumber.status).toBe('deleted');
    expect((await graphql(t.baseUrl, alice.token, GetNumberDocument, { id: number.id })).data?.number).toBeNull();
  });
});
