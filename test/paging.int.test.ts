import { getNamedType, isObjectType } from 'graphql';
import { buildApiSchema } from '../src/schema/build-schema';
import { MAX_PAGE_SIZE } from '../src/domain/paging';
import { rest, type Json } from './support/rest';
import { ALL_ROUTES, OWN_ROUTES } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { startReceiver } from './support/webhook-receiver';
import { waitForHangup } from './support/flows';
import { BUSY, TRANSFER_SOURCE, connectedPair, waitForTransfer } from './support/transfers';

/**
 * The one paging rule (docs/paging.md), proved on every list: generated over the REST route
 * table and the GraphQL schema's list fields, never one example. Each list holds at least three
 * items, so paging one at a time must visit each exactly once.
 */
let t: TestApp;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let webhookId: string;
const SEEDED = 3;

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  const post = async (path: string, body: unknown) => {
    const answer = await rest(t, 'POST', path, body);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  // Groupcalls whose one leg is busy: they end at once, before the webhook exists, so its deliveries stay still.
  const groupcalls: Json[] = [];
  for (let i = 0; i < SEEDED; i++) groupcalls.push(await post('/groupcalls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: `+155500010${i}0` }], ring_method: 'ring_all' }));
  for (const groupcall of groupcalls) await waitFor(async () => (await rest(t, 'GET', `/groupcalls/${groupcall.id}`)).body.status, (status) => status === 'hangup', 'the busy groupcall to end');
  // Provider calls to busy numbers: they end at once too.
  const provider = await post('/providers', { name: 'paging', endpoint: 'PJSIP/{target}@carrier' });
  for (let i = 0; i < SEEDED; i++) {
    const made = await post('/providercalls', { provider_id: provider.id, source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: `+155500011${i}0` }] });
    await waitForHangup(t, (made.call_ids as string[])[0]!);
  }
  // Blind transfers to a busy transferee: each fails and its calls end before the webhook exists, too.
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
  for (let i = 0; i < SEEDED; i++) {
    const { caller, transferer } = await connectedPair(t);
    const made = await post(`/calls/${transferer}/transfer`, { type: 'blind', destination: { type: 'tel', target: BUSY } });
    await waitForTransfer(t, made.transfer_id, 'failed');
    for (const id of [caller, transferer, made.consult_call_id]) await waitForHangup(t, id);
  }
  webhookId = (await post('/webhooks', { url: receiver.url('/paging'), name: 'first' })).id;
  for (let i = 1; i < SEEDED; i++) await post('/webhooks', { url: receiver.url('/paging'), status: 'disabled' });
  for (let i = 0; i < SEEDED; i++) {
    await post('/flows', { name: `flow ${i}`, actions: [{ type: 'answer' }] });
    await post('/users', { username: `pager${i}`, password: 'long enough' });
    await post('/accesskeys', { name: `key ${i}` });
    await t.newCustomer(`customer ${i}`);
    await post('/numbers', { number: `+1555000900${i}` });
    // More providers, and default routes for prefixes no seeded call dials (+40…): the calls stay on their way.
    await post('/providers', { name: `provider ${i}`, endpoint: `PJSIP/{target}@carrier-${i}` });
    await post('/routes', { provider_id: provider.id, target: `4${i}` });
  }
  const calls: Json[] = [];
  for (let i = 0; i < SEEDED; i++) calls.push(...((await post('/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: `+1555987000${i}` }], actions: [{ type: 'answer' }, { type: 'sleep', option: { duration: 60000 } }] })).calls as Json[]));
  for (const call of calls) {
    await waitFor(async () => (await rest(t, 'GET', `/calls/${call.id}`)).body.status, (status) => status === 'progressing', 'the call to be answered');
    await post(`/calls/${call.id}/recording_start`, {});
  }
  await waitFor(async () => (await rest(t, 'GET', `/webhooks/${webhookId}/deliveries`)).body.result.length, (count) => count >= SEEDED, 'deliveries');
  await waitFor(async () => (await rest(t, 'GET', '/activeflows')).body.result.length, (count) => count >= SEEDED, 'activeflows');
}, 60_000);
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

/** Every list of the route table: its GET routes that name no single resource, and a webhook's deliveries. */
const LIST_PATHS = [
  ...ALL_ROUTES.filter((route) => route.method === 'GET' && !route.path('{id}').includes('{id}') && !OWN_ROUTES.includes(route)).map((route) => route.path('')),
  '/v1.0/webhooks/{webhook}/deliveries',
];
const pathOf = (template: string) => template.replace('/v1.0', '').replace('{webhook}', webhookId);

async function walk(path: string, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  let token = '';
  for (let pages = 0; pages < 50; pages++) {
    const answer = await rest(t, 'GET', `${path}?page_size=${pageSize}${token ? `&page_token=${encodeURIComponent(token)}` : ''}`);
    expect(answer.status).toBe(200);
    const { result, next_page_token: next } = answer.body as { result: Json[]; next_page_token: string };
    expect(result.length).toBeLessThanOrEqual(pageSize);
    if (result.length === 0) {
      expect(next).toBe('');
      return ids;
    }
    expect(next).not.toBe('');
    ids.push(...result.map((item) => item.id as string));
    token = next;
  }
  throw new Error(`${path} did not end`);
}

describe.each(LIST_PATHS)('REST %s', (template) => {
  it('pages through every item exactly once, one at a time, until an empty page', async () => {
    const all = (await rest(t, 'GET', pathOf(template))).body.result.map((item: Json) => item.id);
    expect(all.length).toBeGreaterThanOrEqual(SEEDED);
    expect(await walk(pathOf(template), 1)).toEqual(all);
  });

  it(`clamps a page size over ${MAX_PAGE_SIZE} to ${MAX_PAGE_SIZE}`, async () => {
    const answer = await rest(t, 'GET', `${pathOf(template)}?page_size=100000`);
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual((await rest(t, 'GET', `${pathOf(template)}?page_size=${MAX_PAGE_SIZE}`)).body.result);
  });

  it.each(['0', '-1', 'abc', '2.5'])('refuses page_size=%s naming it', async (size) => {
    const answer = await rest(t, 'GET', `${pathOf(template)}?page_size=${size}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ reason: 'VALIDATION_FAILED', message: expect.stringMatching(/^page_size:/) });
  });

  it('refuses a page_token it did not give out, naming it', async () => {
    const answer = await rest(t, 'GET', `${pathOf(template)}?page_token=yesterday`);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ reason: 'VALIDATION_FAILED', message: expect.stringMatching(/^page_token:/) });
  });
});

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.accessKey}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, { nodes: Json[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>; errors?: { extensions?: Json }[] };
}

describe('GraphQL', () => {
  let connections: string[] = [];
  beforeAll(async () => {
    const query = (await buildApiSchema()).getQueryType()!;
    connections = Object.values(query.getFields())
      .filter((field) => field.args.some((arg) => arg.name === 'first') && isObjectType(getNamedType(field.type)) && 'pageInfo' in (getNamedType(field.type) as { getFields(): object }).getFields())
      .map((field) => field.name);
  });

  it('finds the paged lists in the schema', () => {
    expect(connections.sort()).toEqual(['calls', 'flows', 'groupcalls', 'numbers', 'recordings', 'transfers']);
  });

  it('pages every connection one at a time through every item exactly once, and clamps or refuses sizes as REST does', async () => {
    for (const field of connections) {
      const page = (first: number, after: string | null) => gql(`query($first: Int, $after: String) { ${field}(first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { first, after });
      const all = (await page(MAX_PAGE_SIZE, null)).data![field]!.nodes.map((node) => node.id);
      expect(all.length).toBeGreaterThanOrEqual(SEEDED);
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const connection: { nodes: Json[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (await page(1, after)).data![field]!;
        seen.push(...connection.nodes.map((node) => node.id as string));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect({ field, seen }).toEqual({ field, seen: all });
      expect((await page(100_000, null)).data![field]!.nodes.map((node) => node.id)).toEqual(all);
      for (const first of [0, -1]) expect((await page(first, null)).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
      expect((await page(1, 'bm9wZQ')).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'after' });
    }
  });

  it('pages webhook deliveries under the same rule', async () => {
    const page = (first: number, beforeEventId: string | null) =>
      gql('query($id: ID!, $first: Int, $before: ID) { webhookDeliveries(webhookId: $id, first: $first, beforeEventId: $before) { eventId } }', { id: webhookId, first, before: beforeEventId });
    const all = ((await page(MAX_PAGE_SIZE, null)).data!.webhookDeliveries as unknown as Json[]).map((delivery) => delivery.eventId);
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const deliveries = (await page(1, before)).data!.webhookDeliveries as unknown as Json[];
      if (deliveries.length === 0) break;
      seen.push(deliveries[0]!.eventId as string);
      before = deliveries[0]!.eventId as string;
    }
    expect(seen).toEqual(all);
    expect(((await page(100_000, null)).data!.webhookDeliveries as unknown as Json[]).length).toBe(all.length);
    expect((await page(0, null)).errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  });
});
