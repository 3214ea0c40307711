import { Queue } from 'bullmq';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CallsPageDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { rest, type Json } from './support/rest';
import { statementsDuring } from './support/statements';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * `calls(first: 100)` with every field that reaches another table — masters and chained calls,
 * recordings, activeflows (and their call), groupcalls (and their legs) — costs the same number of
 * SQL queries however many of each the page holds (counted by test/support/statements.ts).
 */
let t: TestApp;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'opencall-page-queries-'));
  t = await startTestApp({ RECORDING_DIR: dir });
});
afterAll(async () => {
  await t?.stop();
  await rm(dir, { recursive: true, force: true });
});

const SOURCE = { type: 'tel', target: '+15551234567' };
let next = 0;
const ringsForever = () => ({ type: 'tel', target: `+15550002${String(next++).padStart(3, '0')}` });
const answers = () => ({ type: 'tel', target: `+15559876${String(next++).padStart(3, '0')}` });

/** `n` of each: a master with a chained call, a flow call that records, a groupcall of two legs; all ended. */
async function addCalls(n: number): Promise<void> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const master = (await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [ringsForever()] })).body.calls[0] as Json;
    const chained = (await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [ringsForever()], master_call_id: master.id })).body.calls[0] as Json;
    const flowCall = (await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [answers()], actions: [{ type: 'recording_start' }, { type: 'sleep', option: { duration: 60000 } }] })).body.calls[0] as Json;
    const groupcall = (await rest(t, 'POST', '/groupcalls', { source: SOURCE, destinations: [ringsForever(), ringsForever()], actions: [{ type: 'sleep', option: { duration: 60000 } }] })).body as Json;
    ids.push(master.id, chained.id, flowCall.id, ...(groupcall.call_ids as string[]));
    await waitFor(async () => (await rest(t, 'GET', `/calls/${flowCall.id}/recordings`)).body.result as Json[], (list) => list.length === 1, 'the flow call to record');
    await rest(t, 'POST', `/calls/${flowCall.id}/hangup`);
    await rest(t, 'POST', `/calls/${master.id}/hangup`);
    await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
  }
  await waitFor(async () => Promise.all(ids.map(async (id) => (await rest(t, 'GET', `/calls/${id}`)).body.status)), (states) => states.every((state) => state === 'hangup'), 'every call to end', 30_000);
  await settled();
}

/** Nothing left to publish or react to, so only the measured request touches the database. */
async function settled(): Promise<void> {
  const queues = ['reactions', 'flows', 'recordings', 'telephony'].map((name) => new Queue(name, { connection: { url: t.config.redisUrl }, prefix: t.config.redisPrefix }));
  try {
    await waitFor(
      async () => {
        let pending = 0;
        for (const queue of queues) pending += Object.values(await queue.getJobCounts('waiting', 'active', 'prioritized')).reduce((sum, n) => sum + n, 0);
        const recordings = (await rest(t, 'GET', '/recordings?page_size=100')).body.result as Json[];
        return pending + recordings.filter((recording) => recording.status !== 'ended').length;
      },
      (pending) => pending === 0,
      'the jobs to settle',
      30_000,
    );
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/**
 * The statements the page costs: not the access key's lookup (trusted for AUTH_CACHE_MS, it may or
 * may not happen), nor the dispatcher's poll, the webhook sweep and the ARI leader's lock. Other
 * background work of the process (the dependency probe, late channel events) shares the pool, so
 * the page is read three times and its cost is the fewest statements seen: a cost that grows with
 * the page still shows in every read.
 */
async function queriesOfPage() {
  const reads = [await readPage(), await readPage(), await readPage()];
  return reads.reduce((fewest, read) => (read.queries.length < fewest.queries.length ? read : fewest));
}

async function readPage() {
  const { result: page, statements: sent } = await statementsDuring(t, () => graphql(t.baseUrl, t.accessKey, CallsPageDocument, { first: 100 }));
  expect(page.errors).toBeUndefined();
  const nodes = page.data!.calls.nodes;
  return {
    queries: sent.filter((sql) => !/published_at|advisory|webhook_deliveries|LISTEN|FROM access_keys/.test(sql)),
    chained: nodes.filter((node) => node.chainedCalls.length > 0).length,
    recorded: nodes.filter((node) => node.recordings.length > 0).length,
    withFlow: nodes.filter((node) => node.activeflow?.call?.id === node.id).length,
    legs: nodes.filter((node) => node.groupcall && node.groupcall.calls.some((leg) => leg.id === node.id)).length,
    size: nodes.length,
  };
}

it('costs the same queries for a page with 2 of each kind of related row as for one with 10 of each', async () => {
  await addCalls(2);
  const few = await queriesOfPage();
  expect(few).toMatchObject({ chained: 2, recorded: 2, withFlow: 2, legs: 4, size: 10 });

  await addCalls(8);
  const many = await queriesOfPage();
  expect(many).toMatchObject({ chained: 10, recorded: 10, withFlow: 10, legs: 20, size: 50 });

  expect(many.queries).toHaveLength(few.queries.length);
  // The page, then one query per field that reaches further: masters,
  // chained calls, recordings, activeflows, groupcalls, and a level deeper the calls of those
  // activeflows and the legs of those groupcalls (calls by id, batched once per level reached).
  const tables = many.queries.map((sql) => /FROM (\w+)/.exec(sql)?.[1] ?? sql.slice(0, 40));
  expect(tables.length).toBeLessThanOrEqual(8);
  expect(tables.filter((table) => table === 'calls').length).toBeLessThanOrEqual(5);
}, 180_000);
