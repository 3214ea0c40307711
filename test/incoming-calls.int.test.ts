import { GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { simChannel, simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Calls from outside (the simulator's /sim/calls) to the customers' numbers. */
let t: TestApp;
let owner: { token: string; customerId: string };
let flowId: string;
beforeAll(async () => {
  t = await startTestApp();
  owner = await t.newCustomer('owner');
  // A flow that keeps the call as it is for the length of a test: the call's own lifecycle is
  // what these tests watch, whatever the flow runner does with it.
  flowId = (await rest('POST', '/flows', owner.token, { name: 'inbound', actions: [{ type: 'sleep', option: { duration: 3_600_000 } }] })).body.id;
  await rest('POST', '/numbers', owner.token, { number: '+15558880001', call_flow_id: flowId, name: 'main' });
  await rest('POST', '/numbers', owner.token, { number: '+15558880002' }); // no flow
});
afterAll(async () => {
  await t?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function rest(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${t.baseUrl}/v1.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** The far end dials `destination` from `source`; answers the channel id. */
async function dialIn(source: string, destination: string): Promise<string> {
  const response = await simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: source }, destination: { type: 'tel', target: destination } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { channel_id: string }).channel_id;
}

const callOf = (token: string, id: string) => rest('GET', `/calls/${id}`, token);

describe('an incoming call to a number with a flow', () => {
  it('is created for the number’s customer: incoming, ringing, caller and called number, the number’s flow', async () => {
    const channelId = await dialIn('+15557770001', '+15558880001');
    const call = (await waitFor(() => callOf(owner.token, channelId), (answer) => answer.status === 200, 'the incoming call')).body;
    expect(call).toMatchObject({
      id: channelId,
      customer_id: owner.customerId,
      direction: 'incoming',
      status: 'ringing',
      flow_id: flowId,
      source: { type: 'tel', target: '+15557770001' },
      destination: { type: 'tel', target: '+15558880001' },
    });
    expect(call.tm_ringing).not.toBe('9999-01-01 00:00:00.000000');
    const events = (await rest('GET', `/calls/${channelId}/events`, owner.token)).body.result as Json[];
    expect(events[0]).toMatchObject({ type: 'call_created', sequence: 1, data: { id: channelId, direction: 'incoming', status: 'ringing', flow_id: flowId } });
    expect((await rest('GET', '/calls', owner.token)).body.result.map((c: Json) => c.id)).toContain(channelId);

    const gql = await graphql(t.baseUrl, owner.token, GetCallDocument, { id: channelId });
    expect(gql.data?.call).toMatchObject({ direction: 'INCOMING', status: 'RINGING', flowId });
    // Another customer does not see it.
    expect((await callOf(t.accessKey, channelId)).status).toBe(404);
    expect((await simChannel(t.simUrl, channelId))?.state).not.toBe('Destroyed');
  });

  it('finds the number when the carrier leaves out the +, and records the number as held', async () => {
    const channelId = await dialIn('+15557770007', '15558880001');
    const call = (await waitFor(() => callOf(owner.token, channelId), (answer) => answer.status === 200, 'the incoming call')).body;
    expect(call).toMatchObject({ customer_id: owner.customerId, destination: { type: 'tel', target: '+15558880001' } });
  });

  it('ends when the caller hangs up: hangup, by remote, reason normal', async () => {
    const channelId = await dialIn('+15557770002', '+15558880001');
    await waitFor(() => callOf(owner.token, channelId), (answer) => answer.status === 200, 'the incoming call');
    expect((await simPost(t.simUrl, `/sim/channels/${channelId}/hangup`, { cause: 16 })).status).toBe(204);
    const ended = (await waitFor(() => callOf(owner.token, channelId), (answer) => answer.body.status === 'hangup', 'the hangup')).body;
    expect(ended).toMatchObject({ direction: 'incoming', hangup_by: 'remote', hangup_reason: 'normal' });
    const types = ((await rest('GET', `/calls/${channelId}/events`, owner.token)).body.result as Json[]).map((event) => event.type);
    expect(types[0]).toBe('call_created');
    expect(types.at(-1)).toBe('call_hungup');
  });
});

describe('an incoming call whose SIP caller hangs up (a BYE: cause 0)', () => {
  it('ends hangup, by remote, reason normal', async () => {
    const channelId = await dialIn('+15557770012', '+15558880001');
    await waitFor(() => callOf(owner.token, channelId), (answer) => answer.status === 200, 'the incoming call');
    expect((await simPost(t.simUrl, `/sim/channels/${channelId}/hangup`, {})).status).toBe(204);
    const ended = (await waitFor(() => callOf(owner.token, channelId), (answer) => answer.body.status === 'hangup', 'the hangup')).body;
    expect(ended).toMatchObject({ direction: 'incoming', hangup_by: 'remote', hangup_reason: 'normal' });
  });
});

describe('an incoming call hung up through the API', () => {
  it('goes terminating, then hangup by local; the caller’s channel ends with cause 16', async () => {
    const channelId = await dialIn('+15557770006', '+15558880001');
    await waitFor(() => callOf(owner.token, channelId), (answer) => answer.status === 200, 'the incoming call');
    const hanging = await rest('POST', `/calls/${channelId}/hangup`, owner.token);
    expect(hanging.body.status).toBe('terminating');
    const ended = (await waitFor(() => callOf(owner.token, channelId), (answer) => answer.body.status === 'hangup', 'the hangup')).body;
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    expect(await simChannel(t.simUrl, channelId)).toMatchObject({ state: 'Destroyed', hangup_by: 'application', hangup_cause: 16 });
  });
});

describe('an incoming call that cannot be routed', () => {
  it.each([
    ['a number nobody holds', '+15558889999'],
    ['a number without a flow', '+15558880002'],
    ['something that is not a phone number', 'reception'],
  ])('to %s is refused with cause 1 (unallocated), and no call is stored', async (_what, destination) => {
    const channelId = await dialIn('+15557770003', destination);
    const channel = await waitFor(() => simChannel(t.simUrl, channelId), (record) => record?.state === 'Destroyed', 'the refusal');
    expect(channel).toMatchObject({ hangup_cause: 1, hangup_by: 'application' });
    expect((await callOf(owner.token, channelId)).status).toBe(404);
    expect((await callOf(t.accessKey, channelId)).status).toBe(404);
    expect((await rest('GET', '/calls', owner.token)).body.result.map((c: Json) => c.id)).not.toContain(channelId);
  });

  it('to a number whose flow was deleted, or that was released, is refused', async () => {
    const flow = (await rest('POST', '/flows', owner.token, { actions: [{ type: 'sleep', option: { duration: 3_600_000 } }] })).body;
    const number = (await rest('POST', '/numbers', owner.token, { number: '+15558880003', call_flow_id: flow.id })).body;
    await rest('DELETE', `/flows/${flow.id}`, owner.token);
    const first = await dialIn('+15557770004', '+15558880003');
    expect(await waitFor(() => simChannel(t.simUrl, first), (record) => record?.state === 'Destroyed', 'the refusal')).toMatchObject({ hangup_cause: 1 });

    const flow2 = (await rest('POST', '/flows', owner.token, { actions: [{ type: 'sleep', option: { duration: 3_600_000 } }] })).body;
    await rest('PUT', `/numbers/${number.id}`, owner.token, { call_flow_id: flow2.id });
    await rest('DELETE', `/numbers/${number.id}`, owner.token);
    const second = await dialIn('+15557770005', '+15558880003');
    expect(await waitFor(() => simChannel(t.simUrl, second), (record) => record?.state === 'Destroyed', 'the refusal')).toMatchObject({ hangup_cause: 1 });
    expect((await callOf(owner.token, second)).status).toBe(404);
  });
});
