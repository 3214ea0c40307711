import { restCall, type Json } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The routes and fields VoIPBIN's clients call that the product lacked: /me, PUT /accesskeys/{id},
 * PUT /numbers/{id}/flow_ids, DELETE /activeflows/{id}, the timeline route, and the ids that tie
 * a call, its activeflow and its recordings together.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const rest = (method: string, path: string, body?: unknown, token = t.accessKey) => restCall(t.baseUrl, token, method, path, body);
const SOURCE = { type: 'tel', target: '+15551234567' };

async function answeredCallWithFlow(flowId: string): Promise<Json> {
  const id = (await rest('POST', '/calls', { source: SOURCE, destinations: [{ type: 'tel', target: '+15559876543' }], flow_id: flowId })).body.calls[0].id as string;
  return waitFor(async () => (await rest('GET', `/calls/${id}`)).body, (call) => call.status === 'progressing' && call.action?.type === 'sleep', 'the call to run its flow');
}

const waitingFlow = async (extra: Json = {}) => (await rest('POST', '/flows', { name: 'wait', actions: [{ type: 'sleep', option: { duration: 600000 } }], ...extra })).body;

describe('GET /v1.0/me', () => {
  it('answers the access key or the user behind the request, in the agent shape', async () => {
    const me = await rest('GET', '/me');
    expect(me.status).toBe(200);
    const [key] = (await rest('GET', '/accesskeys')).body.result as Json[];
    expect(me.body).toMatchObject({ id: key!.id, customer_id: t.app.bootstrap!.customerId, username: '', name: 'bootstrap', permission: 1, tag_ids: [], addresses: [] });

    await rest('POST', '/users', { username: 'mia', password: 'mia-password-1' });
    const login = await (await fetch(`${t.baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'mia', password: 'mia-password-1' }) })).json() as Json;
    expect((await rest('GET', '/me', undefined, login.token as string)).body).toMatchObject({ username: 'mia', name: 'mia', permission: 1 });

    const other = await t.newCustomer('me-other');
    expect((await rest('GET', '/me', undefined, other.token)).body).toMatchObject({ customer_id: other.customerId, name: 'initial', permission: 32 });
  });
});

describe('PUT /v1.0/accesskeys/{id}', () => {
  it('changes the name and detail, moves tm_update, and keeps the key working', async () => {
    const created = (await rest('POST', '/accesskeys', { name: 'ci', detail: 'for CI' })).body;
    expect(created).toMatchObject({ name: 'ci', detail: 'for CI', token_prefix: (created.token as string).slice(0, 8), tm_update: created.tm_create });
    const changed = await rest('PUT', `/accesskeys/${created.id}`, { detail: 'for the nightly job' });
    expect(changed.body).toMatchObject({ name: 'ci', detail: 'for the nightly job' });
    expect(changed.body.tm_update > created.tm_update).toBe(true);
    expect(changed.body).not.toHaveProperty('token');
    expect((await rest('GET', '/me', undefined, created.token as string)).status).toBe(200);
    expect((await rest('PUT', `/accesskeys/${created.id}`, { name: 'x'.repeat(300) })).status).toBe(400);
    const other = await t.newCustomer('keys-other');
    expect((await rest('PUT', `/accesskeys/${created.id}`, { name: 'taken' }, other.token)).status).toBe(404);
    expect((await rest('GET', `/accesskeys/${created.id}`)).body.name).toBe('ci');
  });
});

describe('PUT /v1.0/numbers/{id}/flow_ids', () => {
  it('sets the call and message flows only; another customer\'s flow is not found', async () => {
    const [callFlow, messageFlow] = [await waitingFlow(), await waitingFlow()];
    const number = (await rest('POST', '/numbers', { number: '+15550300001', name: 'line' })).body;
    expect(number).toMatchObject({ call_flow_id: ZERO, message_flow_id: ZERO, t38_enabled: false, emergency_enabled: false });
    const changed = await rest('PUT', `/numbers/${number.id}/flow_ids`, { call_flow_id: callFlow.id, message_flow_id: messageFlow.id, name: 'ignored here' });
    expect(changed.body).toMatchObject({ call_flow_id: callFlow.id, flow_id: callFlow.id, message_flow_id: messageFlow.id, name: 'line' });
    const other = await t.newCustomer('numbers-other');
    const theirs = (await rest('POST', '/flows', { name: 'theirs' }, other.token)).body;
    expect((await rest('PUT', `/numbers/${number.id}/flow_ids`, { call_flow_id: theirs.id })).status).toBe(404);
    expect((await rest('GET', `/numbers/${number.id}`)).body.call_flow_id).toBe(callFlow.id);
  });
});

describe('a call, its activeflow and its recordings', () => {
  it('names its activeflow, which shows the flow\'s on_complete_flow_id, and the recording names it too', async () => {
    const next = await waitingFlow();
    const flow = await waitingFlow({ on_complete_flow_id: next.id });
    const call = await answeredCallWithFlow(flow.id);
    expect(call.activeflow_id).not.toBe(ZERO);
    const activeflow = (await rest('GET', `/activeflows/${call.activeflow_id}`)).body;
    expect(activeflow).toMatchObject({ id: call.activeflow_id, reference_id: call.id, flow_id: flow.id, on_complete_flow_id: next.id, forward_action_id: ZERO, tm_delete: '9999-01-01 00:00:00.000000' });
    expect(activeflow.current_action.tm_execute).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/);

    const started = await rest('POST', `/calls/${call.id}/recording_start`, { format: 'wav', end_of_silence: 0, end_of_key: '', duration: 0, on_end_flow_id: ZERO });
    expect(started.body).toMatchObject({ id: call.id, activeflow_id: call.activeflow_id });
    const recording = (await rest('GET', `/recordings/${started.body.recording_id}`)).body;
    expect(recording).toMatchObject({ owner_type: 'call', owner_id: call.id, activeflow_id: call.activeflow_id, on_end_flow_id: ZERO });
    const stopped = await rest('POST', `/calls/${call.id}/recording_stop`);
    expect(stopped.body).toMatchObject({ id: call.id, recording_id: ZERO, recording_ids: [recording.id] });
    await rest('POST', `/calls/${call.id}/hangup`);
  });
});

describe('POST /v1.0/calls with variables', () => {
  it("seeds the call's flow with them (the product's voipbin.* stay its own) and refuses a non-string value", async () => {
    const flow = await waitingFlow();
    const id = (await rest('POST', '/calls', { source: SOURCE, destinations: [{ type: 'tel', target: '+15559876543' }], flow_id: flow.id, variables: { customer_name: 'Jane Doe', 'voipbin.call.id': 'forged' } })).body.calls[0].id as string;
    const call = await waitFor(async () => (await rest('GET', `/calls/${id}`)).body, (one) => one.status === 'progressing' && one.action?.type === 'sleep', 'the flow to run');
    const { variables } = (await rest('GET', `/activeflows/${call.activeflow_id}`)).body;
    expect(variables).toMatchObject({ customer_name: 'Jane Doe', 'voipbin.call.id': id });
    await rest('POST', `/calls/${id}/hangup`);

    const before = (await rest('GET', '/calls?page_size=100')).body.result.length;
    const bad = await rest('POST', '/calls', { source: SOURCE, destinations: [{ type: 'tel', target: '+15559876543' }], variables: { count: 3 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('variables.count');
    expect((await rest('GET', '/calls?page_size=100')).body.result.length).toBe(before);
  });
});

describe('DELETE /v1.0/activeflows/{id}', () => {
  it('answers 204, hangs up the call it ran on, and the activeflow is gone from then on', async () => {
    const call = await answeredCallWithFlow((await waitingFlow()).id);
    const deleted = await fetch(`${t.baseUrl}/v1.0/activeflows/${call.activeflow_id}?token=${t.accessKey}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await rest('GET', `/activeflows/${call.activeflow_id}`)).status).toBe(404);
    expect(((await rest('GET', '/activeflows')).body.result as Json[]).map((flow) => flow.id)).not.toContain(call.activeflow_id);
    await waitFor(async () => (await rest('GET', `/calls/${call.id}`)).body.status, (status) => status === 'hangup', 'the call to hang up');
    const other = await t.newCustomer('activeflows-other');
    const mine = await answeredCallWithFlow((await waitingFlow()).id);
    expect((await rest('DELETE', `/activeflows/${mine.activeflow_id}`, undefined, other.token)).status).toBe(404);
    expect((await rest('GET', `/activeflows/${mine.activeflow_id}`)).body.status).toBe('running');
    await rest('POST', `/calls/${mine.id}/hangup`);
  });
});

describe('GET /v1.0/timelines/{resource_type}/{resource_id}/events', () => {
  it("answers a call's events as /calls/{id}/events has them, paged, and nobody else's", async () => {
    const id = (await rest('POST', '/calls', { source: SOURCE, destinations: [{ type: 'tel', target: '+15550001002' }] })).body.calls[0].id as string;
    await waitFor(async () => (await rest('GET', `/calls/${id}`)).body.status, (status) => status === 'hangup', 'the busy call to end');
    const history = (await rest('GET', `/calls/${id}/events`)).body.result as Json[];
    const timeline = await rest('GET', `/timelines/calls/${id}/events`);
    expect(timeline.status).toBe(200);
    expect((timeline.body.result as Json[]).map((event) => [event.event_type, event.timestamp, event.data.status])).toEqual(history.map((event) => [event.type, event.tm_create, event.data.status]));

    const first = await rest('GET', `/timelines/calls/${id}/events?page_size=1`);
    expect(first.body.result).toHaveLength(1);
    const rest2 = await rest('GET', `/timelines/calls/${id}/events?page_token=${first.body.next_page_token}`);
    expect((rest2.body.result as Json[]).map((event) => event.event_type)).toEqual(history.slice(1).map((event) => event.type));

    const other = await t.newCustomer('timeline-other');
    expect((await rest('GET', `/timelines/calls/${id}/events`, undefined, other.token)).status).toBe(404);
    expect((await rest('GET', `/timelines/flows/${id}/events`)).status).toBe(404);
  });
});
