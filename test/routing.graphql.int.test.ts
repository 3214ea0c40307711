import {
  CallAttemptsDocument,
  CreateCallsDocument,
  CreateProviderCallDocument,
  CreateProviderDocument,
  CreateRouteDocument,
  DeleteProviderCallDocument,
  DeleteProviderDocument,
  DeleteRouteDocument,
  HangupCallDocument,
  ProviderCallDocument,
  ProviderCallsDocument,
  ProviderDocument,
  ProvidersDocument,
  RouteDocument,
  RoutesDocument,
  UpdateProviderDocument,
  UpdateRouteDocument,
  type ProviderCallInput,
} from './generated/graphql';
import { graphql } from './support/graphql-client';
import { rest } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Providers, routes and a call's attempts through GraphQL's typed documents. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const admin = <T, V>(document: Parameters<typeof graphql<T, V>>[2], variables: V) => graphql(t.baseUrl, t.accessKey, document, variables);

async function createProvider(name: string, endpoint: string): Promise<string> {
  const created = await admin(CreateProviderDocument, { input: { name, endpoint, detail: 'test' } });
  expect(created.errors).toBeUndefined();
  return created.data!.createProvider.id;
}

it('manages providers and routes, and a call fails over across them, its attempts on Call.attempts', async () => {
  const down = await createProvider('down', 'PJSIP/{target}@gql-down');
  const up = await createProvider('up', 'PJSIP/{target}@gql-up');
  expect((await admin(ProviderDocument, { id: down })).data?.provider).toEqual({ id: down, name: 'down', endpoint: 'PJSIP/{target}@gql-down' });
  expect((await admin(ProvidersDocument, {})).data?.providers.map((p) => p.id)).toEqual([up, down]);
  expect((await simPost(t.simUrl, '/sim/far-ends', { endpoint: 'PJSIP/{target}@gql-down', hangup_cause: 27 })).status).toBe(204);

  const first = await admin(CreateRouteDocument, { input: { customerId: t.app.bootstrap!.customerId, providerId: down, target: '+1333', priority: 1, name: 'first' } });
  expect(first.errors).toBeUndefined();
  expect(first.data!.createRoute).toMatchObject({ customerId: t.app.bootstrap!.customerId, providerId: down, target: '1333', priority: 1 });
  const second = (await admin(CreateRouteDocument, { input: { customerId: t.app.bootstrap!.customerId, providerId: up, target: '1333', priority: 5 } })).data!.createRoute;
  const byDefault = (await admin(CreateRouteDocument, { input: { providerId: up, target: 'all' } })).data!.createRoute;
  expect(byDefault.customerId).toBeNull();
  expect((await admin(RoutesDocument, { defaultOnly: true })).data?.routes.map((r) => r.id)).toEqual([byDefault.id]);
  expect((await admin(RoutesDocument, { customerId: t.app.bootstrap!.customerId })).data?.routes.map((r) => r.id)).toEqual([second.id, first.data!.createRoute.id]);

  const made = await admin(CreateCallsDocument, { input: { source: { type: 'TEL', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'TEL', target: '+13335550100' }] } });
  const id = made.data!.createCalls[0]!.id;
  const answered = await waitFor(async () => (await admin(CallAttemptsDocument, { id })).data?.call, (call) => call?.status === 'PROGRESSING', 'the answer through the second provider');
  expect(answered!.attempts).toEqual([
    expect.objectContaining({ providerId: down, providerName: 'down', cause: 27, hangupReason: 'FAILED' }),
    expect.objectContaining({ providerId: up, providerName: 'up', cause: null, hangupReason: null, endedAt: null }),
  ]);
  expect(answered!.attempts[0]!.endedAt).not.toBeNull();

  const updated = await admin(UpdateRouteDocument, { id: second.id, input: { priority: 0 } });
  expect(updated.data?.updateRoute).toMatchObject({ priority: 0, providerId: up });
  const renamed = await admin(UpdateProviderDocument, { id: up, input: { name: 'up2', techHeaders: { 'X-Account': 'gql' }, codecs: 'ulaw,alaw' } });
  expect(renamed.data?.updateProvider).toEqual({ id: up, name: 'up2', endpoint: 'PJSIP/{target}@gql-up', techHeaders: { 'X-Account': 'gql' }, codecs: 'ulaw,alaw' });
  expect((await admin(DeleteProviderDocument, { id: up })).errors?.[0]?.extensions?.code).toBe('PROVIDER_IN_USE');
  for (const route of [second.id, byDefault.id]) expect((await admin(DeleteRouteDocument, { id: route })).data?.deleteRoute.id).toBe(route);
  expect((await admin(RouteDocument, { id: second.id })).data?.route).toBeNull();
  expect((await admin(DeleteProviderDocument, { id: up })).data?.deleteProvider.id).toBe(up);
  expect((await admin(ProviderDocument, { id: up })).data?.provider).toBeNull();
});

it('refuses bad input naming the field, and everything to an ordinary customer', async () => {
  const provider = await createProvider('gql-checks', 'PJSIP/{target}@gql-checks');
  const before = (await admin(RoutesDocument, {})).data?.routes;
  const bad = await admin(CreateProviderDocument, { input: { name: 'x', endpoint: 'PJSIP/nowhere' } });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'endpoint' });
  const badHeader = await admin(UpdateProviderDocument, { id: provider, input: { name: 'renamed', techHeaders: { 'X-A': 'b\r\nVia: x' } } });
  expect(badHeader.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'techHeaders["X-A"]' });
  expect(badHeader.errors?.[0]?.message).toMatch(/^techHeaders\["X-A"\]: /);
  const badCodecs = await admin(UpdateProviderDocument, { id: provider, input: { codecs: 'mp3' } });
  expect(badCodecs.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'codecs' });
  expect((await admin(ProviderDocument, { id: provider })).data?.provider).toMatchObject({ name: 'gql-checks' });
  const badTarget = await admin(CreateRouteDocument, { input: { providerId: provider, target: 'everywhere' } });
  expect(badTarget.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'target' });
  const badPriority = await admin(CreateRouteDocument, { input: { providerId: provider, target: '1', priority: 10_001 } });
  expect(badPriority.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'priority' });
  // The domain names these provider_id and customer_id, REST's spelling; GraphQL names its own input's.
  const badProvider = await admin(CreateRouteDocument, { input: { providerId: 'nope', target: '1' } });
  expect(badProvider.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^providerId: /), extensions: { code: 'VALIDATION_FAILED', field: 'providerId' } });
  const badCustomer = await admin(CreateRouteDocument, { input: { providerId: provider, customerId: 'nope', target: '1' } });
  expect(badCustomer.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
  expect((await admin(RoutesDocument, {})).data?.routes).toEqual(before);

  const ordinary = await t.newCustomer('gql-ordinary');
  const own = (await admin(CreateRouteDocument, { input: { customerId: ordinary.customerId, providerId: provider, target: 'all' } })).data!.createRoute.id;
  const as = <T, V>(document: Parameters<typeof graphql<T, V>>[2], variables: V) => graphql(t.baseUrl, ordinary.token, document, variables);
  for (const answer of [
    await as(ProvidersDocument, {}),
    await as(RoutesDocument, { customerId: ordinary.customerId }),
    await as(CreateProviderDocument, { input: { name: 'mine', endpoint: 'PJSIP/{target}@mine' } }),
    await as(UpdateProviderDocument, { id: provider, input: { name: 'mine' } }),
    await as(RouteDocument, { id: own }),
    await as(CreateRouteDocument, { input: { providerId: provider, target: 'all' } }),
    await as(UpdateRouteDocument, { id: own, input: { priority: 3 } }),
    await as(DeleteRouteDocument, { id: own }),
    await as(DeleteProviderDocument, { id: provider }),
  ]) {
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
  }
  expect((await as(ProviderDocument, { id: provider })).errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
  expect((await admin(RouteDocument, { id: own })).data?.route).toMatchObject({ id: own, priority: 1 });
  expect((await admin(ProviderDocument, { id: provider })).data?.provider?.name).toBe('gql-checks');
});

it('reads an empty customerId as REST reads an empty ?customer_id=: the default routes, not all of them', async () => {
  const provider = await createProvider('gql-empty', 'PJSIP/{target}@gql-empty');
  const byDefault = (await admin(CreateRouteDocument, { input: { providerId: provider, target: '8' } })).data!.createRoute.id;
  const own = (await admin(CreateRouteDocument, { input: { customerId: t.app.bootstrap!.customerId, providerId: provider, target: '8' } })).data!.createRoute.id;
  const empty = (await admin(RoutesDocument, { customerId: '' })).data!.routes.map((route) => route.id);
  expect(empty).toContain(byDefault);
  expect(empty).not.toContain(own);
  expect(empty).toEqual((await admin(RoutesDocument, { defaultOnly: true })).data!.routes.map((route) => route.id));
  const viaRest = await rest(t, 'GET', '/routes?customer_id=&page_size=100');
  expect(empty).toEqual((viaRest.body.result as { id: string }[]).map((route) => route.id));
  // Without customerId (or with null): every route.
  expect((await admin(RoutesDocument, { customerId: null })).data!.routes.map((route) => route.id)).toEqual(expect.arrayContaining([byDefault, own]));
});

it('makes a provider call through one provider, lists, reads and deletes its record; refuses bad input and other customers', async () => {
  const tested = await createProvider('gql-pc', 'PJSIP/{target}@gql-pc');
  const input: ProviderCallInput = { providerId: tested, source: { type: 'TEL', target: '+15550000888' }, destinations: [{ type: 'TEL', target: '+15550002007' }] };
  const made = await admin(CreateProviderCallDocument, { input });
  expect(made.errors).toBeUndefined();
  const record = made.data!.createProviderCall;
  expect(record).toMatchObject({ customerId: t.app.bootstrap!.customerId, providerId: tested, flowId: null, source: { type: 'TEL', target: '+15550000888' }, anonymous: 'AUTO' });
  const [callId] = record.callIds;
  expect((await admin(CallAttemptsDocument, { id: callId! })).data?.call?.attempts).toEqual([expect.objectContaining({ providerId: tested, providerName: 'gql-pc' })]);
  expect((await waitFor(() => simChannel(t.simUrl, callId!), (channel) => channel !== null, 'its channel'))!.endpoint).toBe('PJSIP/+15550002007@gql-pc');
  expect((await admin(ProviderCallsDocument, { providerId: tested })).data?.providerCalls).toEqual([{ id: record.id, providerId: tested, callIds: [callId] }]);
  expect((await admin(ProviderCallDocument, { id: record.id })).data?.providerCall?.id).toBe(record.id);

  const bad = await admin(CreateProviderCallDocument, { input: { ...input, destinations: [{ type: 'SIP', target: 'bob@example.com' }] } });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'destinations[0].type' });
  const ordinary = await t.newCustomer('gql-pc-ordinary');
  for (const answer of [
    await graphql(t.baseUrl, ordinary.token, ProviderCallsDocument, {}),
    await graphql(t.baseUrl, ordinary.token, ProviderCallDocument, { id: record.id }),
    await graphql(t.baseUrl, ordinary.token, CreateProviderCallDocument, { input }),
    await graphql(t.baseUrl, ordinary.token, DeleteProviderCallDocument, { id: record.id }),
  ]) {
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERMISSION_DENIED');
  }
  expect((await admin(ProviderCallsDocument, { providerId: tested })).data?.providerCalls).toHaveLength(1);

  expect((await admin(DeleteProviderCallDocument, { id: record.id })).data?.deleteProviderCall.id).toBe(record.id);
  expect((await admin(ProviderCallDocument, { id: record.id })).data?.providerCall).toBeNull();
  await admin(HangupCallDocument, { id: callId! });
});
