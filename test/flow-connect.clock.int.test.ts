import type { Activeflow } from '../src/domain/flow/activeflow';
import { parseFlowAction } from '../src/domain/flow/parse-flow-actions';
import { connectDatabase, type Database } from '../src/persistence/database';
import { connectLegs } from '../src/workers/flow-connect';
import { callAtConnect } from './support/connect-step';
import { CRASH, dyingServices } from './support/crash-state';
import { flowQueueOf, getCall } from './support/flows';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A connect's legs are the calls chained to its call since its action began. That moment and the
 * legs' tm_create are both written by the database, and compared in the statement that finds the
 * legs: one clock, to the microsecond, whatever this process's clock says. The moments here are
 * set, not waited for.
 */
let t: TestApp;
let db: Database;
let flowQueue: ReturnType<typeof flowQueueOf>;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, SOURCE.target);
  db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 2);
  flowQueue = flowQueueOf(t);
});
afterAll(async () => {
  await flowQueue?.close();
  await db?.close();
  await t?.stop();
});

const SOURCE = { type: 'tel', target: '+15559876543' };
const RINGS = (n: number) => ({ type: 'tel', target: `+1555000${2800 + n}` });

const atConnect = (n: number) => callAtConnect(t, db.prisma, flowQueue.queue, SOURCE, { destinations: [RINGS(n)] });

/** A call chained to `master`, inserted and never dialled (its worker died), made at `at` by the database's reckoning. */
async function chainedAt(master: string, n: number, at: string): Promise<string> {
  const { calls } = dyingServices(db.prisma, t.app.services.numbers);
  const before = new Set((await getCall(t, master)).chained_call_ids as string[]);
  await expect(calls.create(t.app.bootstrap!.customerId, { source: SOURCE, destinations: [RINGS(n)], masterCallId: master })).rejects.toBe(CRASH);
  const leg = ((await getCall(t, master)).chained_call_ids as string[]).find((id) => !before.has(id))!;
  await db.prisma.$executeRaw`UPDATE calls SET tm_create = ${at}::timestamptz WHERE id = ${leg}::uuid`;
  return leg;
}

/** The connect's step as a worker runs it (the live services: a leg it makes is dialled). */
async function runConnect(master: string, flow: Activeflow): Promise<void> {
  const { calls, groupcalls } = t.app.services;
  const action = parseFlowAction(flow.currentAction!, 'current_action');
  if (action.type !== 'connect') throw new Error(`the flow is at ${action.type}`);
  await connectLegs({ calls, callService: calls, groupcalls }, flow, (await calls.findById(master))!, action);
}

it("stamps the action's start with the database's clock, in the move's statement", async () => {
  const { flow } = await atConnect(1);
  const [row] = await db.prisma.$queryRaw<{ same: boolean; stamped: string }[]>`
    SELECT (current_action->>'tmExecute')::timestamptz = tm_update AS same, current_action->>'tmExecute' AS stamped FROM activeflows WHERE id = ${flow.id}::uuid`;
  // The move's one reading of the clock is both the action's start and the row's tm_update, to the microsecond.
  expect(row).toEqual({ same: true, stamped: flow.currentAction!.tmExecute });
  expect(flow.currentAction!.tmExecute).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  const call = await getCall(t, flow.referenceId);
  expect(new Date(flow.currentAction!.tmExecute).getTime()).toBe(Date.parse(`${(call.action as { tm_execute: string }).tm_execute.replace(' ', 'T')}Z`));
});

it('takes as its legs the calls chained at or after its start, not one a microsecond before (in the same millisecond)', async () => {
  const { master, flow } = await atConnect(2);
  const start = '2026-01-15T09:30:00.000500Z';
  const atStart = { ...flow, currentAction: { ...flow.currentAction!, tmExecute: start } };
  const earlier = await chainedAt(master, 3, '2026-01-15T09:30:00.000499Z');
  expect(await t.app.services.calls.findChainedSince(master, t.app.bootstrap!.customerId, start)).toEqual([]);

  // The step finds no leg of its own (the earlier call is another's): it makes one.
  await runConnect(master, atStart);
  const legs = (await getCall(t, master)).chained_call_ids as string[];
  expect(legs).toHaveLength(2);
  const made = legs.find((id) => id !== earlier)!;
  expect((await t.app.services.calls.findChainedSince(master, t.app.bootstrap!.customerId, start)).map((call) => call.id)).toEqual([made]);
  expect(await getCall(t, earlier)).toMatchObject({ status: 'dialing' });

  // Run again (a retried job), it finds the leg it made and makes no other.
  await runConnect(master, atStart);
  expect(((await getCall(t, master)).chained_call_ids as string[]).sort()).toEqual([...legs].sort());

  // A call made at the very microsecond the action began is one of its legs.
  const atTheStart = await chainedAt(master, 4, start);
  expect((await t.app.services.calls.findChainedSince(master, t.app.bootstrap!.customerId, start)).map((call) => call.id)).toEqual([atTheStart, made]);
  await t.app.services.calls.signal(master, { type: 'hangup_requested', reason: 'normal' });
});
