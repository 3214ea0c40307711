import { CreateCallsDocument, DeleteCallDocument, GetCallDocument, ListCallsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Listing calls through GraphQL: newest first, cursor pages, filters, deleted calls left out. */
let t: TestApp;
let ids: string[];
beforeAll(async () => {
  t = await startTestApp();
  const created = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
    input: {
      source: { type: 'TEL', target: '+15551234567' },
      destinations: ['+15550001301', '+15550001302', '+15550001303', '+15550001304', '+15550001305'].map((target) => ({ type: 'TEL' as const, target })),
    },
  });
  ids = created.data!.createCalls.map((call) => call.id);
  for (const id of ids) {
    await waitFor(async () => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id })).data?.call, (call) => call?.status === 'HANGUP', 'busy calls to end');
  }
});
afterAll(async () => {
  await t?.stop();
});

async function allPages(first: number, filter?: { status?: ('HANGUP' | 'DIALING')[] }) {
  const seen: string[] = [];
  let after: string | null | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { first, after, filter });
    const connection = result.data!.calls;
    seen.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return seen;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

it('pages through every call once, newest first', async () => {
  expect(await allPages(2)).toEqual([...ids].reverse());
});

it('filters by status', async () => {
  expect(await allPages(10, { status: ['HANGUP'] })).toHaveLength(5);
  expect(await allPages(10, { status: ['DIALING'] })).toEqual([]);
});

it('clamps a page size over 100, refuses one under 1 and a cursor it did not give out', async () => {
  const big = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { first: 101 });
  expect(big.errors).toBeUndefined();
  const none = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { first: 0 });
  expect(none.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'first' });
  const forged = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { after: 'bm9wZQ' });
  expect(forged.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
});

it('leaves deleted calls out of the list but still answers them by id', async () => {
  const deleted = await graphql(t.baseUrl, t.accessKey, DeleteCallDocument, { id: ids[0]! });
  expect(deleted.data?.deleteCall.status).toBe('HANGUP');
  expect(await allPages(100)).not.toContain(ids[0]);
  expect((await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id: ids[0]! })).data?.call?.id).toBe(ids[0]);
});
