import { waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Provider calls (VoIPBIN's /v1.0/providercalls, docs/routing.md): the administrator's test call
 * through one provider, bypassing route selection, kept as an audit record with its calls; bad
 * input a 400 (or 404) that makes nothing; anyone else a 403 that shows and makes nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const UNKNOWN = '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11';
/** A number nobody holds: a carrier's allow-list may want one, so it is taken as given. */
const UNHELD_SOURCE = '+15550000777';

async function provider(name: string, extra: Json = {}): Promise<string> {
  const created = await rest(t, 'POST', '/providers', { type: 'sip', name, detail: '', endpoint: `PJSIP/{target}@${name}`, ...extra });
  expect(created.status).toBe(200);
  return created.body.id as string;
}

const listed = async (query = ''): Promise<Json[]> => (await rest(t, 'GET', `/providercalls${query}`)).body.result as Json[];
const callCount = async (): Promise<number> => ((await rest(t, 'GET', '/calls?page_size=100')).body.result as Json[]).length;

it("calls through the one provider asked for, not the route's, with its headers, from the source as given, and never fails over", async () => {
  const routed = await provider('pc-routed');
  const tested = await provider('pc-tested', { tech_headers: { 'X-Test': 'yes' }, codecs: 'alaw' });
  expect((await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, name: 'pc', detail: '', provider_id: routed, priority: 1, target: '1460' })).status).toBe(200);

  const made = await rest(t, 'POST', '/providercalls', {
    provider_id: tested,
    source: { type: 'tel', target: UNHELD_SOURCE },
    destinations: [{ type: 'tel', target: '+14605550100' }, { type: 'tel', target: '+14605550101' }],
  });
  expect(made.status).toBe(200);
  expect(made.body).toMatchObject({
    customer_id: t.app.bootstrap!.customerId,
    provider_id: tested,
    flow_id: '00000000-0000-0000-0000-000000000000',
    source: { type: 'tel', target: UNHELD_SOURCE },
    destinations: [{ type: 'tel', target: '+14605550100' }, { type: 'tel', target: '+14605550101' }],
    anonymous: 'auto',
    groupcall_ids: [],
    tm_delete: '9999-01-01 00:00:00.000000',
  });
  const [first, second] = made.body.call_ids as string[];
  expect(second).toBeDefined();
  const call = (await rest(t, 'GET', `/calls/${first}`)).body as Json;
  expect(call).toMatchObject({ source: { target: UNHELD_SOURCE }, destination: { target: '+14605550100' } });
  expect(call.attempts).toEqual([expect.objectContaining({ provider_id: tested, provider_name: 'pc-tested' })]);
  const channel = await waitFor(() => simChannel(t.simUrl, first!), (found) => found !== null, 'its channel');
  expect(channel).toMatchObject({ endpoint: 'PJSIP/+14605550100@pc-tested', formats: 'alaw' });
  expect(channel!.variables).toMatchObject({ 'PJSIP_HEADER(add,X-Test)': 'yes', 'CONNECTEDLINE(num)': UNHELD_SOURCE });
  for (const id of [first, second]) await rest(t, 'POST', `/calls/${id}/hangup`);

  // A provider that fails: the call ends failed, with no second attempt (its plan is that provider alone).
  expect((await simPost(t.simUrl, '/sim/far-ends', { endpoint: 'PJSIP/{target}@pc-tested', dial_status: 'CONGESTION' })).status).toBe(204);
  const failing = await rest(t, 'POST', '/providercalls', {
    provider_id: tested,
    source: { type: 'tel', target: TEST_SOURCE_NUMBER },
    destinations: [{ type: 'tel', target: '+14605550102' }],
    actions: [{ type: 'answer' }],
  });
  const ended = await waitForHangup(t, (failing.body.call_ids as string[])[0]!);
  // The record names the temporary flow of its actions, the one its call runs.
  expect(failing.body.flow_id).not.toBe('00000000-0000-0000-0000-000000000000');
  expect(ended.flow_id).toBe(failing.body.flow_id);
  expect(ended).toMatchObject({ hangup_reason: 'failed' });
  expect(ended.attempts).toHaveLength(1);
  expect(await simChannel(t.simUrl, `${ended.id}-2`)).toBeNull();
});

it('lists (newest first, by provider), gets and deletes the records; the calls stay', async () => {
  const a = await provider('pc-list-a');
  const b = await provider('pc-list-b');
  // VoIPBIN's body: snake_case address keys, the all-zero flow_id for none.
  const body = (providerId: string) => ({
    provider_id: providerId,
    flow_id: '00000000-0000-0000-0000-000000000000',
    source: { type: 'tel', target: TEST_SOURCE_NUMBER, target_name: 'Tester' },
    destinations: [{ type: 'tel', target: '+15550002003', target_name: 'Far end' }],
    anonymous: 'no',
  });
  const viaA = (await rest(t, 'POST', '/providercalls', body(a))).body as Json;
  const viaB = (await rest(t, 'POST', '/providercalls', body(b))).body as Json;
  expect(viaA).toMatchObject({ anonymous: 'no', flow_id: '00000000-0000-0000-0000-000000000000', source: { target_name: 'Tester' }, destinations: [{ target_name: 'Far end' }] });
  expect((await listed(`?provider_id=${a}`)).map((found) => found.id)).toEqual([viaA.id]);
  expect((await listed()).map((found) => found.id).slice(0, 2)).toEqual([viaB.id, viaA.id]);
  expect((await rest(t, 'GET', `/providercalls/${viaA.id}`)).body).toEqual(viaA);

  const deleted = await rest(t, 'DELETE', `/providercalls/${viaA.id}`);
  expect(deleted.body.tm_delete).not.toBe('9999-01-01 00:00:00.000000');
  expect((await rest(t, 'GET', `/providercalls/${viaA.id}`)).status).toBe(404);
  expect((await rest(t, 'DELETE', `/providercalls/${viaA.id}`)).status).toBe(404);
  expect(await listed(`?provider_id=${a}`)).toEqual([]);
  expect((await rest(t, 'GET', `/calls/${(viaA.call_ids as string[])[0]}`)).status).toBe(200);
  for (const made of [viaA, viaB]) await rest(t, 'POST', `/calls/${(made.call_ids as string[])[0]}/hangup`);
});

it('refuses bad input with 400 (404 for what it names) naming the field, and makes nothing', async () => {
  const tested = await provider('pc-bad');
  const destination = { type: 'tel', target: '+15550002004' };
  const body = { provider_id: tested, source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [destination] };
  const [records, calls] = [(await listed()).length, await callCount()];
  for (const [change, status, field] of [
    [{ provider_id: undefined }, 400, 'provider_id'],
    [{ provider_id: 'nope' }, 400, 'provider_id'],
    [{ provider_id: UNKNOWN }, 404, 'provider_id'],
    [{ destinations: [] }, 400, 'destinations'],
    [{ destinations: [destination, { type: 'sip', target: 'alice@example.com' }] }, 400, 'destinations[1].type'],
    [{ destinations: [{ type: 'tel', target: '12' }] }, 400, 'destinations[0]'],
    [{ source: { type: 'tel', target: 'x' } }, 400, 'source'],
    [{ anonymous: 'maybe' }, 400, 'anonymous'],
    [{ flow_id: UNKNOWN }, 404, 'flow_id'],
    [{ actions: [{ type: 'no-such-action' }] }, 400, 'actions'],
  ] as const) {
    const answer = await rest(t, 'POST', '/providercalls', { ...body, ...change });
    expect([field, answer.status]).toEqual([field, status]);
    expect(answer.body.error.message).toContain(status === 400 ? field : 'not found');
  }
  expect((await rest(t, 'GET', '/providercalls?provider_id=nope')).status).toBe(400);
  expect((await rest(t, 'GET', '/providercalls/not-a-uuid')).status).toBe(400);
  expect((await rest(t, 'GET', `/providercalls/${UNKNOWN}`)).status).toBe(404);
  expect([(await listed()).length, await callCount()]).toEqual([records, calls]);
});

it('refuses every provider call operation to an ordinary customer with 403, showing and making nothing', async () => {
  const tested = await provider('pc-denied');
  const own = (await rest(t, 'POST', '/providercalls', { provider_id: tested, source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target: '+15550002005' }] })).body as Json;
  const ordinary = await t.newCustomer('pc-ordinary');
  await t.ownNumber(ordinary.customerId, '+15557770009');
  const before = await listed();
  for (const [method, path, body] of [
    ['POST', '/providercalls', { provider_id: tested, source: { type: 'tel', target: '+15557770009' }, destinations: [{ type: 'tel', target: '+15550002006' }] }],
    ['GET', '/providercalls', undefined],
    ['GET', `/providercalls?provider_id=${tested}`, undefined],
    ['GET', `/providercalls/${own.id}`, undefined],
    ['DELETE', `/providercalls/${own.id}`, undefined],
  ] as const) {
    const answer = await rest(t, method, path, body, ordinary.token);
    expect([method, path, answer.status]).toEqual([method, path, 403]);
    expect(answer.body.error.status).toBe('PERMISSION_DENIED');
  }
  expect(await listed()).toEqual(before);
  expect(((await rest(t, 'GET', '/calls', undefined, ordinary.token)).body.result as Json[])).toEqual([]);
  await rest(t, 'POST', `/calls/${(own.call_ids as string[])[0]}/hangup`);
});
