import { createCalls, getCall, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Route failover on the same call (docs/routing.md): an attempt that fails with a "failed" cause
 * is retried on the route's next provider; busy, a call that rang, a cancel and a call with one
 * provider left do not fail over. The providers fail in the simulator by endpoint template.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';

async function provider(name: string, extra: Json = {}): Promise<string> {
  const created = await rest(t, 'POST', '/providers', { type: 'sip', hostname: '', tech_prefix: '', tech_postfix: '', tech_headers: {}, name, detail: `${name} trunk`, endpoint: `PJSIP/{target}@${name}`, ...extra });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

/** The administrator's own routes for `target`, one per provider in this order. */
async function routes(target: string, providerIds: string[], customerId = t.app.bootstrap!.customerId): Promise<void> {
  for (const [index, providerId] of providerIds.entries()) {
    const created = await rest(t, 'POST', '/routes', { customer_id: customerId, name: `${target} #${index + 1}`, detail: '', provider_id: providerId, priority: index + 1, target });
    expect(created.status).toBe(200);
  }
}

const call = async (target: string, extra: Json = {}): Promise<string> =>
  (await createCalls(t, { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target }], ...extra }))[0]!.id as string;

const program = async (body: Json) => expect((await simPost(t.simUrl, '/sim/far-ends', body)).status).toBe(204);

it('fails over congestion (34) and network out of order (38) and answers on the third provider, on the same call', async () => {
  const [a, b, c] = [await provider('carrier-a'), await provider('carrier-b'), await provider('carrier-c')];
  await routes('1444', [a, b, c]);
  await program({ endpoint: 'PJSIP/{target}@carrier-a', dial_status: 'CONGESTION' });
  await program({ endpoint: 'PJSIP/{target}@carrier-b', hangup_cause: 38 });

  const id = await call('+14445550100');
  const answered = await waitForCall(t, id, (found) => found.status === 'progressing', 'the answer on the third provider');
  expect(answered.attempts).toEqual([
    expect.objectContaining({ provider_id: a, provider_name: 'carrier-a', cause: 34, hangup_reason: 'failed' }),
    expect.objectContaining({ provider_id: b, provider_name: 'carrier-b', cause: 38, hangup_reason: 'failed' }),
    expect.objectContaining({ provider_id: c, provider_name: 'carrier-c', cause: 0, hangup_reason: '', tm_end: '9999-01-01 00:00:00.000000' }),
  ]);
  // One call, three channels: the far ends saw each provider's endpoint in turn.
  expect((await rest(t, 'GET', '/calls')).body.result.filter((listed: Json) => listed.id === id)).toHaveLength(1);
  expect((await simChannel(t.simUrl, id))?.endpoint).toBe('PJSIP/+14445550100@carrier-a');
  expect((await simChannel(t.simUrl, `${id}-2`))?.endpoint).toBe('PJSIP/+14445550100@carrier-b');
  expect((await simChannel(t.simUrl, `${id}-3`))?.endpoint).toBe('PJSIP/+14445550100@carrier-c');
  const events = (await rest(t, 'GET', `/calls/${id}/events`)).body.result as Json[];
  expect(events.map((event) => event.type)).toEqual(['call_created', 'call_updated', 'call_updated', 'call_ringing', 'call_answered']);
  expect(events[1]!.data.attempts).toHaveLength(2);

  await rest(t, 'POST', `/calls/${id}/hangup`);
  const ended = await waitForHangup(t, id);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
  expect(ended.attempts[2]).toMatchObject({ provider_id: c, hangup_reason: 'normal' });
  expect(ended.attempts[2].tm_end).not.toBe('9999-01-01 00:00:00.000000');
});

it("sends each attempt with its own provider's SIP headers and codecs, the second's after a failover", async () => {
  const a = await provider('carrier-ha', { tech_headers: { 'X-Account': 'acme-a', 'X-Route': 'primary' }, codecs: 'PCMU,PCMA' });
  const b = await provider('carrier-hb', { tech_headers: { 'X-Account': 'acme-b' }, codecs: 'g722' });
  await routes('1450', [a, b]);
  await program({ endpoint: 'PJSIP/{target}@carrier-ha', dial_status: 'CONGESTION' });

  const id = await call('+14505550100');
  await waitForCall(t, id, (found) => found.status === 'progressing', 'the answer on the second provider');
  const headersOf = (variables: Record<string, string>) => Object.fromEntries(Object.entries(variables).filter(([name]) => name.startsWith('PJSIP_HEADER(')));
  const first = (await simChannel(t.simUrl, id))!;
  expect(headersOf(first.variables as Record<string, string>)).toEqual({ 'PJSIP_HEADER(add,X-Account)': 'acme-a', 'PJSIP_HEADER(add,X-Route)': 'primary' });
  expect(first.formats).toBe('ulaw,alaw');
  const second = (await simChannel(t.simUrl, `${id}-2`))!;
  expect(headersOf(second.variables as Record<string, string>)).toEqual({ 'PJSIP_HEADER(add,X-Account)': 'acme-b' });
  expect(second.formats).toBe('g722');
  // The caller id variables are still there beside the headers.
  expect(second.variables).toMatchObject({ 'CONNECTEDLINE(num)': TEST_SOURCE_NUMBER });
  await rest(t, 'POST', `/calls/${id}/hangup`);
  await waitForHangup(t, id);

  // A provider changed applies to the calls made after it: without headers or codecs, none are sent.
  const changed = await rest(t, 'PUT', `/providers/${b}`, { tech_headers: {}, codecs: '' });
  expect(changed.body).toMatchObject({ tech_headers: {}, codecs: '' });
  const later = await call('+14505550101');
  await waitForCall(t, later, (found) => found.status === 'progressing', 'the answer on the second provider');
  const plain = (await simChannel(t.simUrl, `${later}-2`))!;
  expect(headersOf(plain.variables as Record<string, string>)).toEqual({});
  expect(plain.formats).toBeNull();
});

it('ends failed with the last attempt\'s reason when every provider failed', async () => {
  const [d, e] = [await provider('carrier-d'), await provider('carrier-e')];
  await routes('1445', [d, e]);
  await program({ endpoint: 'PJSIP/{target}@carrier-d', hangup_cause: 42 });
  await program({ endpoint: 'PJSIP/{target}@carrier-e', hangup_cause: 41 });
  const ended = await waitForHangup(t, await call('+14455550100'));
  expect(ended).toMatchObject({ status: 'hangup', hangup_by: 'remote', hangup_reason: 'failed' });
  expect(ended.attempts.map((attempt: Json) => [attempt.provider_id, attempt.cause, attempt.hangup_reason])).toEqual([
    [d, 42, 'failed'],
    [e, 41, 'failed'],
  ]);
});

it('never fails over a busy far end', async () => {
  const [f, g] = [await provider('carrier-f'), await provider('carrier-g')];
  await routes('1446', [f, g]);
  await program({ endpoint: 'PJSIP/{target}@carrier-f', dial_status: 'BUSY' });
  const ended = await waitForHangup(t, await call('+14465550100'));
  expect(ended).toMatchObject({ hangup_by: 'remote', hangup_reason: 'busy' });
  expect(ended.attempts).toEqual([expect.objectContaining({ provider_id: f, cause: 17, hangup_reason: 'busy' })]);
  expect(await simChannel(t.simUrl, `${ended.id}-2`)).toBeNull();
});

it('never fails over once the call rang, even when it then fails with congestion', async () => {
  const [h, i] = [await provider('carrier-h'), await provider('carrier-i')];
  await routes('1447', [h, i]);
  // Rings (and never answers), then the far end gives up with 34.
  await program({ endpoint: 'PJSIP/{target}@carrier-h', ring_ms: 0, answer_ms: 600_000 });
  const id = await call('+14475550100', { actions: [{ type: 'sleep', option: { duration: 60000 } }], early_execution: true });
  await waitForCall(t, id, (found) => found.status === 'ringing', 'the ringing');
  await simPost(t.simUrl, `/sim/channels/${id}/hangup`, { cause: 34 });
  const ended = await waitForHangup(t, id);
  expect(ended).toMatchObject({ hangup_by: 'remote', hangup_reason: 'failed' });
  expect(ended.attempts).toHaveLength(1);
  expect(await simChannel(t.simUrl, `${id}-2`)).toBeNull();
});

it('does not fail over a call canceled before its attempt failed', async () => {
  const [j, k] = [await provider('carrier-j'), await provider('carrier-k')];
  await routes('1448', [j, k]);
  await program({ endpoint: 'PJSIP/{target}@carrier-j', ring_ms: 600_000 });
  const id = await call('+14485550100');
  await waitFor(() => simChannel(t.simUrl, id), (channel) => channel?.dial_status === '', 'the dial to start');
  await rest(t, 'POST', `/calls/${id}/hangup`);
  const ended = await waitForHangup(t, id);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
  expect(ended.attempts).toEqual([expect.objectContaining({ provider_id: j, hangup_reason: 'cancel' })]);
  expect(await simChannel(t.simUrl, `${id}-2`)).toBeNull();
});

it('takes the default routes when the customer has none of its own, and the single default provider when nothing matches', async () => {
  const other = await t.newCustomer('failover-other');
  await t.ownNumber(other.customerId, '+15557770001');
  const [l, m] = [await provider('carrier-l'), await provider('carrier-m')];
  // A default route (customer_id: the zero UUID) for 1449, and the administrator's own for the same prefix.
  expect((await rest(t, 'POST', '/routes', { customer_id: ZERO, name: 'default 1449', detail: '', provider_id: l, priority: 1, target: '1449' })).status).toBe(200);
  await routes('1449', [m]);
  const body = (target: string) => ({ source: { type: 'tel', target: '+15557770001' }, destinations: [{ type: 'tel', target }] });
  const viaDefault = (await rest(t, 'POST', '/calls', body('+14495550100'), other.token)).body.calls[0] as Json;
  expect(viaDefault.attempts).toEqual([expect.objectContaining({ provider_id: l, provider_name: 'carrier-l' })]);
  await waitForCall(t, viaDefault.id as string, () => true, 'the call');
  await waitFor(() => simChannel(t.simUrl, viaDefault.id as string), (channel) => channel !== null, 'its channel');
  expect((await simChannel(t.simUrl, viaDefault.id as string))?.endpoint).toBe('PJSIP/+14495550100@carrier-l');

  const unrouted = (await rest(t, 'POST', '/calls', body('+4420794600'), other.token)).body.calls[0] as Json;
  expect(unrouted.attempts).toEqual([expect.objectContaining({ provider_id: ZERO, provider_name: 'default' })]);
  await waitFor(() => simChannel(t.simUrl, unrouted.id as string), (channel) => channel !== null, 'its channel');
  expect((await simChannel(t.simUrl, unrouted.id as string))?.endpoint).toBe(`PJSIP/+4420794600@carrier`);
  // The administrator's own route wins over the default one for its calls.
  const own = await call('+14495550101');
  expect((await getCall(t, own)).attempts[0].provider_id).toBe(m);
});

it('never fails over an incoming call: it has no route plan and no attempts, and a failed end is its end', async () => {
  const [n, o] = [await provider('carrier-n'), await provider('carrier-o')];
  await routes('all', [n, o]);
  const flowId = (await rest(t, 'POST', '/flows', { name: 'inbound', actions: [{ type: 'sleep', option: { duration: 60000 } }] })).body.id as string;
  await rest(t, 'POST', '/numbers', { number: '+15558880101', call_flow_id: flowId });
  const dialled = await simPost(t.simUrl, '/sim/calls', { source: { type: 'tel', target: '+14445550199' }, destination: { type: 'tel', target: '+15558880101' } });
  const channelId = ((await dialled.json()) as { channel_id: string }).channel_id;
  const incoming = await waitFor(() => rest(t, 'GET', `/calls/${channelId}`), (answer) => answer.status === 200, 'the incoming call');
  expect(incoming.body).toMatchObject({ direction: 'incoming', attempts: [] });
  await simPost(t.simUrl, `/sim/channels/${channelId}/hangup`, { cause: 34 });
  const ended = await waitForHangup(t, channelId);
  expect(ended).toMatchObject({ direction: 'incoming', attempts: [] });
  expect(await simChannel(t.simUrl, `${channelId}-2`)).toBeNull();
});
