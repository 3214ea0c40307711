import { Queue } from 'bullmq';
import { Client } from 'pg';
import { CallChainsDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * A page of calls with their masters and chained calls costs a constant number of SQL queries
 * (DataLoader batches masterCall and chainedCalls per request). Every query any pg client of
 * this process sends is counted on its way to Postgres.
 */
const sent: string[] = [];
const originalQuery = Client.prototype.query;
Client.prototype.query = function countedQuery(this: Client, ...args: unknown[]) {
  const query = args[0] as string | { text?: string } | undefined;
  sent.push(typeof query === 'string' ? query : (query?.text ?? ''));
  return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof Client.prototype.query;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  Client.prototype.query = originalQuery;
  await t?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function rest(method: string, path: string, body?: unknown): Promise<Json> {
  const response = await fetch(`${t.baseUrl}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${t.accessKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Json;
}

const SOURCE = { type: 'tel', target: '+15551234567' };
const ringsForever = (index: number) => ({ type: 'tel', target: `+15550002${String(index).padStart(3, '0')}` });

/**
 * The queries the request itself sends. Background work of this process (the outbox dispatcher's
 * polling, the webhook sweep, the dependency probe, late channel events) shares the pool, so the
 * request runs three times and its cost is the fewest queries seen: a cost that grows with the
 * page still shows in every run.
 */
async function queriesOf(request: () => Promise<unknown>): Promise<string[]> {
  const runs: string[][] = [];
  for (let run = 0; run < 3; run++) {
    sent.length = 0;
    await request();
    runs.push(sent.filter((sql) => !/published_at|advisory|webhook_deliveries/.test(sql)));
  }
  return runs.reduce((fewest, queries) => (queries.length < fewest.length ? queries : fewest));
}

describe('a page of calls with their chains', () => {
  beforeAll(async () => {
    const masters = (await rest('POST', '/calls', { source: SOURCE, destinations: Array.from({ length: 50 }, (_, i) => ringsForever(i)) })).calls as Json[];
    await Promise.all(masters.map((master, i) => rest('POST', '/calls', { source: SOURCE, destinations: [ringsForever(100 + i)], master_call_id: master.id })));
    for (const master of masters) await rest('POST', `/calls/${master.id}/hangup`);
    // Quiet: every call ended, so only the measured requests touch the database.
    await waitFor(() => rest('GET', '/calls?page_size=100'), (page) => page.result.length === 100 && page.result.every((call: Json) => call.status === 'hangup'), 'all 100 calls to end', 30_000);
    // …and every reaction to those changes (the chain cascades) has run.
    const pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
    await pg.connect();
    const reactions = new Queue('reactions', { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix });
    try {
      await waitFor(
        async () => {
          const unpublished = Number((await pg.query('SELECT count(*) AS n FROM events WHERE published_at IS NULL')).rows[0].n);
          const counts = await reactions.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          return unpublished + Object.values(counts).reduce((sum, n) => sum + n, 0);
        },
        (pending) => pending === 0,
        'the reactions to settle',
        30_000,
      );
    } finally {
      await reactions.close();
      await pg.end();
    }
  }, 60_000);

  it('costs the same few queries in GraphQL for 10 calls as for 100', async () => {
    let page: Json | null = null;
    const hundred = await queriesOf(async () => {
      page = (await graphql(t.baseUrl, t.accessKey, CallChainsDocument, { first: 100 })).data;
    });
    const nodes = (page as unknown as { calls: { nodes: Json[] } }).calls.nodes;
    expect(nodes).toHaveLength(100);
    expect(nodes.filter((node) => node.masterCall).length).toBe(50);
    expect(nodes.filter((node) => node.chainedCalls.length === 1).length).toBe(50);
    for (const node of nodes.filter((candidate) => candidate.masterCall)) {
      expect(nodes.find((candidate) => candidate.id === node.masterCall.id)?.chainedCalls[0]?.id).toBe(node.id);
    }
    const ten = await queriesOf(() => graphql(t.baseUrl, t.accessKey, CallChainsDocument, { first: 10 }));
    expect(hundred.length).toBe(ten.length);
    // Authentication, the page, the masters and the chained calls: one each.
    expect(hundred.filter((sql) => /FROM calls/.test(sql))).toHaveLength(3);
    expect(hundred.length).toBeLessThanOrEqual(4);
  });

  it('costs the same few queries in REST for 10 calls as for 100', async () => {
    const hundred = await queriesOf(() => rest('GET', '/calls?page_size=100'));
    const ten = await queriesOf(() => rest('GET', '/calls?page_size=10'));
    expect(hundred.length).toBe(ten.length);
    // The page and the chained calls of all its calls.
    expect(hundred.filter((sql) => /FROM calls/.test(sql))).toHaveLength(2);
    expect(hundred.length).toBeLessThanOrEqual(3);
  });
});
