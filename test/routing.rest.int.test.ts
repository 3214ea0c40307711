import { rest, type Json } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Providers and routes on REST, with VoIPBIN's bodies (POST/PUT /providers, /routes): the
 * administrator's alone (anyone else: 403, changing nothing), bad input a 400 naming the field.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const UNKNOWN = '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11';
/** VoIPBIN's provider body: every field its document requires. */
const voipbinProvider = { type: 'sip', hostname: 'carrier-a', tech_prefix: '', tech_postfix: '', tech_headers: { 'X-Account': 'acme' }, name: 'Carrier A', detail: 'primary' };

it('creates, reads, lists, changes and deletes a provider made from VoIPBIN\'s fields', async () => {
  const created = await rest(t, 'POST', '/providers', voipbinProvider);
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject({ ...voipbinProvider, endpoint: 'PJSIP/{target}@carrier-a', health_status: 'unknown', codecs: '', metadata: {}, tm_delete: '9999-01-01 00:00:00.000000' });
  const withCodecs = await rest(t, 'POST', '/providers', { ...voipbinProvider, codecs: 'PCMU, PCMA' });
  expect(withCodecs.body).toMatchObject({ codecs: 'PCMU, PCMA', tech_headers: { 'X-Account': 'acme' } });
  expect((await rest(t, 'GET', `/providers/${withCodecs.body.id}`)).body.codecs).toBe('PCMU, PCMA');
  const id = created.body.id as string;
  expect((await rest(t, 'GET', `/providers/${id}`)).body).toEqual(created.body);
  expect(((await rest(t, 'GET', '/providers')).body.result as Json[]).map((p) => p.id)).toContain(id);

  const changed = await rest(t, 'PUT', `/providers/${id}`, { ...voipbinProvider, tech_prefix: '99', name: 'Carrier A2', tech_headers: { 'X-Route': 'b' }, codecs: 'alaw' });
  expect(changed.body).toMatchObject({ name: 'Carrier A2', tech_prefix: '99', endpoint: 'PJSIP/99{target}@carrier-a', tech_headers: { 'X-Route': 'b' }, codecs: 'alaw' });
  const templated = await rest(t, 'PUT', `/providers/${id}`, { endpoint: 'Local/{target}@provider-down' });
  expect(templated.body).toMatchObject({ name: 'Carrier A2', endpoint: 'Local/{target}@provider-down' });

  expect((await rest(t, 'DELETE', `/providers/${id}`)).body.tm_delete).not.toBe('9999-01-01 00:00:00.000000');
  expect((await rest(t, 'GET', `/providers/${id}`)).status).toBe(404);
});

it('refuses bad provider input with 400 naming the field, and stores nothing', async () => {
  const before = ((await rest(t, 'GET', '/providers')).body.result as Json[]).length;
  for (const [body, field] of [
    [{ ...voipbinProvider, name: '' }, 'name'],
    [{ ...voipbinProvider, type: 'pstn' }, 'type'],
    [{ ...voipbinProvider, hostname: '' }, 'endpoint'],
    [{ name: 'x', endpoint: 'PJSIP/+15551234567@carrier' }, 'endpoint'],
    [{ ...voipbinProvider, hostname: 'a b' }, 'hostname'],
    [{ ...voipbinProvider, tech_headers: ['X-A'] }, 'tech_headers'],
    [{ ...voipbinProvider, tech_headers: { 'X Account': 'a' } }, 'tech_headers'],
    [{ ...voipbinProvider, tech_headers: { Via: 'SIP/2.0/UDP x' } }, 'tech_headers'],
    [{ ...voipbinProvider, tech_headers: { 'X-Account': 'a\r\nVia: SIP/2.0/UDP x' } }, 'tech_headers["X-Account"]'],
    [{ ...voipbinProvider, codecs: 'ulaw,h264' }, 'codecs'],
    [{ ...voipbinProvider, codecs: ['ulaw'] }, 'codecs'],
    [{ ...voipbinProvider, tech_prefix: 'a/b' }, 'tech_prefix'],
  ] as const) {
    const answer = await rest(t, 'POST', '/providers', body);
    expect([field, answer.status]).toEqual([field, 400]);
    expect(answer.body.error.reason).toBe('VALIDATION_FAILED');
    expect(answer.body.error.message).toContain(field);
  }
  const made = (await rest(t, 'POST', '/providers', { ...voipbinProvider, codecs: 'ulaw' })).body as Json;
  for (const [change, field] of [
    [{ tech_headers: { 'X-Account\n': 'b' } }, 'tech_headers'],
    [{ codecs: 'ulaw,ulaw' }, 'codecs'],
    [{ name: 'renamed', codecs: 'speex99' }, 'codecs'],
  ] as const) {
    const answer = await rest(t, 'PUT', `/providers/${made.id}`, change);
    expect([field, answer.status, answer.body.error.message]).toEqual([field, 400, expect.stringContaining(field)]);
  }
  expect((await rest(t, 'GET', `/providers/${made.id}`)).body).toEqual(made);
  expect((await rest(t, 'DELETE', `/providers/${made.id}`)).status).toBe(200);
  expect((await rest(t, 'GET', '/providers/not-a-uuid')).status).toBe(400);
  expect((await rest(t, 'GET', `/providers/${UNKNOWN}`)).status).toBe(404);
  expect(((await rest(t, 'GET', '/providers')).body.result as Json[]).length).toBe(before);
});

it('creates, lists by customer, changes and deletes routes with VoIPBIN\'s body', async () => {
  const provider = (await rest(t, 'POST', '/providers', voipbinProvider)).body.id as string;
  const backup = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: 'carrier-b', name: 'Carrier B' })).body.id as string;
  const customer = await t.newCustomer('routed');
  const body = { customer_id: customer.customerId, name: 'US', detail: 'via A', provider_id: provider, priority: 1, target: '1' };
  const created = await rest(t, 'POST', '/routes', body);
  expect(created.status).toBe(200);
  expect(created.body).toMatchObject(body);
  const fallback = await rest(t, 'POST', '/routes', { ...body, customer_id: ZERO, provider_id: backup, target: '+44', name: 'UK default' });
  expect(fallback.body).toMatchObject({ customer_id: ZERO, target: '44' });

  const ofCustomer = (await rest(t, 'GET', `/routes?customer_id=${customer.customerId}`)).body.result as Json[];
  expect(ofCustomer.map((r) => r.id)).toEqual([created.body.id]);
  const defaults = (await rest(t, 'GET', `/routes?customer_id=${ZERO}`)).body.result as Json[];
  expect(defaults.map((r) => r.id)).toContain(fallback.body.id);
  expect(defaults.map((r) => r.id)).not.toContain(created.body.id);

  const changed = await rest(t, 'PUT', `/routes/${created.body.id}`, { name: 'US', detail: 'via B', provider_id: backup, priority: 2, target: '1' });
  expect(changed.body).toMatchObject({ provider_id: backup, priority: 2, customer_id: customer.customerId });
  expect((await rest(t, 'GET', `/routes/${created.body.id}`)).body).toEqual(changed.body);

  // A provider that routes use cannot go.
  const inUse = await rest(t, 'DELETE', `/providers/${backup}`);
  expect(inUse.status).toBe(409);
  expect(inUse.body.error.reason).toBe('PROVIDER_IN_USE');
  expect((await rest(t, 'DELETE', `/routes/${created.body.id}`)).status).toBe(200);
  expect((await rest(t, 'GET', `/routes/${created.body.id}`)).status).toBe(404);
});

it('refuses bad route input with 400 (or 404 for what it names) naming the field', async () => {
  const provider = (await rest(t, 'POST', '/providers', voipbinProvider)).body.id as string;
  const body = { customer_id: ZERO, name: 'r', detail: '', provider_id: provider, priority: 1, target: '1' };
  for (const [change, status, field] of [
    [{ target: 'US' }, 400, 'target'],
    [{ target: undefined }, 400, 'target'],
    [{ priority: -1 }, 400, 'priority'],
    [{ priority: 1.5 }, 400, 'priority'],
    [{ provider_id: 'nope' }, 400, 'provider_id'],
    [{ provider_id: undefined }, 400, 'provider_id'],
    [{ provider_id: UNKNOWN }, 404, 'provider_id'],
    [{ customer_id: 'nope' }, 400, 'customer_id'],
    [{ customer_id: UNKNOWN }, 404, 'customer_id'],
    [{ name: 7 }, 400, 'name'],
  ] as const) {
    const answer = await rest(t, 'POST', '/routes', { ...body, ...change });
    expect([field, answer.status]).toEqual([field, status]);
    expect(answer.body.error.message).toContain(status === 400 ? field : 'not found');
  }
  const made = (await rest(t, 'POST', '/routes', body)).body.id as string;
  const moved = await rest(t, 'PUT', `/routes/${made}`, { customer_id: t.app.bootstrap!.customerId });
  expect(moved.status).toBe(400);
  expect(moved.body.error.message).toContain('customer_id');
  expect((await rest(t, 'GET', '/routes?customer_id=nope')).status).toBe(400);
});

it('refuses every provider and route operation to an ordinary customer with 403, showing and changing nothing', async () => {
  const provider = (await rest(t, 'POST', '/providers', voipbinProvider)).body.id as string;
  const ordinary = await t.newCustomer('ordinary');
  const own = (await rest(t, 'POST', '/routes', { customer_id: ordinary.customerId, name: 'theirs', detail: '', provider_id: provider, priority: 1, target: 'all' })).body.id as string;
  const before = (await rest(t, 'GET', '/routes')).body.result as Json[];
  for (const [method, path, body] of [
    ['GET', '/providers', undefined],
    ['POST', '/providers', voipbinProvider],
    ['GET', `/providers/${provider}`, undefined],
    ['PUT', `/providers/${provider}`, { name: 'mine' }],
    ['DELETE', `/providers/${provider}`, undefined],
    ['GET', '/routes', undefined],
    ['GET', `/routes?customer_id=${ordinary.customerId}`, undefined],
    ['POST', '/routes', { customer_id: ordinary.customerId, name: 'x', detail: '', provider_id: provider, priority: 0, target: 'all' }],
    ['GET', `/routes/${own}`, undefined],
    ['PUT', `/routes/${own}`, { priority: 9 }],
    ['DELETE', `/routes/${own}`, undefined],
  ] as const) {
    const answer = await rest(t, method, path, body, ordinary.token);
    expect([method, path, answer.status]).toEqual([method, path, 403]);
    expect(answer.body.error.status).toBe('PERMISSION_DENIED');
  }
  expect((await rest(t, 'GET', '/routes')).body.result).toEqual(before);
  expect((await rest(t, 'GET', `/providers/${provider}`)).body.name).toBe('Carrier A');
});

it('lists the default routes for an empty ?customer_id=, the spelling that makes one', async () => {
  const provider = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: 'defaults' })).body.id as string;
  const byDefault = await rest(t, 'POST', '/routes', { customer_id: '', provider_id: provider, target: '9' });
  expect(byDefault.body).toMatchObject({ customer_id: ZERO });
  const own = (await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, provider_id: provider, target: '9' })).body.id as string;
  const empty = await rest(t, 'GET', '/routes?customer_id=&page_size=100');
  expect(empty.status).toBe(200);
  const listed = (empty.body.result as Json[]).map((route) => route.id);
  expect(listed).toContain(byDefault.body.id);
  expect(listed).not.toContain(own);
  expect(empty.body.result).toEqual((await rest(t, 'GET', `/routes?customer_id=${ZERO}&page_size=100`)).body.result);
});

it('never leaves a live route on a deleted provider: a route made or moved to a provider while it is deleted, one of the two loses', async () => {
  const home = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: 'home' })).body.id as string;
  const moved = (await rest(t, 'POST', '/routes', { provider_id: home, target: '7' })).body.id as string;
  for (let round = 0; round < 10; round++) {
    const doomed = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: `doomed-${round}` })).body.id as string;
    const [made, move, deleted] = await Promise.all([
      rest(t, 'POST', '/routes', { provider_id: doomed, target: '7' }),
      rest(t, 'PUT', `/routes/${moved}`, { provider_id: doomed }),
      rest(t, 'DELETE', `/providers/${doomed}`),
    ]);
    const onDoomed = ((await rest(t, 'GET', '/routes?page_size=100')).body.result as Json[]).filter((route) => route.provider_id === doomed);
    if (deleted.status === 200) {
      expect({ round, made: made.status, move: move.status, onDoomed }).toEqual({ round, made: 404, move: 404, onDoomed: [] });
      expect([made.body.error.reason, move.body.error.reason]).toEqual(['PROVIDER_NOT_FOUND', 'PROVIDER_NOT_FOUND']);
    } else {
      expect({ round, deleted: deleted.status, reason: deleted.body.error.reason }).toEqual({ round, deleted: 409, reason: 'PROVIDER_IN_USE' });
      expect((await rest(t, 'GET', `/providers/${doomed}`)).status).toBe(200);
    }
    await rest(t, 'PUT', `/routes/${moved}`, { provider_id: home });
    if (made.status === 200) await rest(t, 'DELETE', `/routes/${made.body.id}`);
  }
});

/**
 * A PUT racing a DELETE of the same row: the PUT either lands before the delete (which then answers
 * the row with the change) or finds the row deleted (404); never a 200 for a change written onto
 * a row already deleted.
 */
it('never changes a provider or route that was deleted meanwhile: the change comes first or answers 404', async () => {
  const carrier = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: 'racing' })).body.id as string;
  for (let round = 0; round < 10; round++) {
    const name = `renamed-${round}`;
    const provider = (await rest(t, 'POST', '/providers', { ...voipbinProvider, hostname: `doomed-${round}` })).body.id as string;
    const route = (await rest(t, 'POST', '/routes', { provider_id: carrier, target: '8' })).body.id as string;
    // The deletes are sent first: the change then reads the row while it is being deleted.
    const [deletedProvider, changedProvider, deletedRoute, changedRoute] = await Promise.all([
      rest(t, 'DELETE', `/providers/${provider}`),
      rest(t, 'PUT', `/providers/${provider}`, { name }),
      rest(t, 'DELETE', `/routes/${route}`),
      rest(t, 'PUT', `/routes/${route}`, { name }),
    ]);
    expect({ round, deletes: [deletedProvider.status, deletedRoute.status] }).toEqual({ round, deletes: [200, 200] });
    for (const [kind, changed, deleted, missing] of [
      ['provider', changedProvider, deletedProvider, 'PROVIDER_NOT_FOUND'],
      ['route', changedRoute, deletedRoute, 'DIAL_ROUTE_NOT_FOUND'],
    ] as const) {
      if (changed.status === 200) expect({ round, kind, deletedName: deleted.body.name }).toEqual({ round, kind, deletedName: name });
      else expect({ round, kind, status: changed.status, reason: changed.body.error.reason }).toEqual({ round, kind, status: 404, reason: missing });
    }
    expect((await rest(t, 'GET', `/providers/${provider}`)).status).toBe(404);
    expect((await rest(t, 'GET', `/routes/${route}`)).status).toBe(404);
  }
});

it("does not serve VoIPBIN's Telnyx set-up: POST /providers/setup is 404 ROUTE_NOT_FOUND naming it, and makes no provider", async () => {
  const before = (await rest(t, 'GET', '/providers?page_size=100')).body.result;
  const setup = await rest(t, 'POST', '/providers/setup', { carrier: 'telnyx', api_key: 'KEY0123', name: 'Telnyx', detail: '' });
  expect({ status: setup.status, error: setup.body.error }).toEqual({
    status: 404,
    error: { status: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND', message: 'There is no route POST /v1.0/providers/setup.', request_id: expect.any(String) },
  });
  expect((await rest(t, 'GET', '/providers?page_size=100')).body.result).toEqual(before);
});
