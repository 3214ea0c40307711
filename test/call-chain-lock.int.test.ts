import { Client } from 'pg';
import { createCallRepository, newCallId, type CallRepository, type NewCall } from '../src/persistence/call-repository';
import { connectDatabase } from '../src/persistence/database';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * The race behind "no chained call outlives its master": a leg inserted while the master is
 * ending. The insert locks the master row, so it either waits for the master's move and then
 * refuses, or commits first and the master's cascade (which runs after its move) finds it.
 */
let t: TestApp;
let pg: Client;
let db: ReturnType<typeof connectDatabase>;
/** The repository itself: the test races its insert against the master's move. */
let repository: CallRepository;
beforeAll(async () => {
  t = await startTestApp();
  db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema);
  repository = createCallRepository(db.prisma);
  await t.ownNumber(t.app.bootstrap!.customerId, TEL.target);
  pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
});
afterAll(async () => {
  await pg?.end();
  await db?.close();
  await t?.stop();
});

const TEL = { type: 'tel', target: '+15550002123' };

function leg(customerId: string, masterCallId: string): NewCall {
  return { id: newCallId(), customerId, flowId: null, type: 'flow', direction: 'outgoing', source: TEL, destination: TEL, masterCallId, earlyExecution: false, dialTimeoutMs: 30000 };
}

async function master(): Promise<{ id: string; customerId: string }> {
  const [call] = await t.app.services.calls.create(t.app.bootstrap!.customerId, { source: TEL, destinations: [TEL] });
  await t.app.services.calls.hangup(call!.customerId, call!.id); // a hangup job is on its way; the row is ours to race
  return { id: call!.id, customerId: call!.customerId };
}

describe('inserting a chained call', () => {
  it('refuses a master that is no longer chainable, even when the caller checked too early', async () => {
    const { id, customerId } = await master();
    await waitFor(() => repository.findById(id), (call) => call?.status === 'hangup', 'master to end');
    expect(await repository.insert([leg(customerId, id)], null)).toEqual([]);
    expect((await pg.query('SELECT count(*)::int AS n FROM calls WHERE master_call_id = $1', [id])).rows[0].n).toBe(0);

    // With inline actions, their temporary flow is not stored either.
    const flowId = newCallId();
    const withFlow = { ...leg(customerId, id), flowId };
    expect(await repository.insert([withFlow], { id: flowId, customerId, type: 'temporary', actions: [] })).toEqual([]);
    expect((await pg.query('SELECT count(*)::int AS n FROM flows WHERE id = $1', [flowId])).rows[0].n).toBe(0);
  });

  it('chains to a chainable master, with its temporary flow', async () => {
    const [live] = await t.app.services.calls.create(t.app.bootstrap!.customerId, { source: TEL, destinations: [TEL] });
    const flowId = newCallId();
    const inserted = await repository.insert([{ ...leg(live!.customerId, live!.id), flowId }], { id: flowId, customerId: live!.customerId, type: 'temporary', actions: [] });
    expect(inserted.map((call) => call.masterCallId)).toEqual([live!.id]);
    expect((await pg.query('SELECT count(*)::int AS n FROM flows WHERE id = $1', [flowId])).rows[0].n).toBe(1);
    await t.app.services.calls.hangup(live!.customerId, live!.id);
    await waitFor(() => repository.findById(inserted[0]!.id), (call) => call?.status === 'hangup', 'the leg to end with its master');
  });

  it('waits for a master that is being ended, then refuses it', async () => {
    const { id, customerId } = await master();
    await waitFor(() => repository.findById(id), (call) => call?.status === 'hangup', 'master to end');
    // Put the master back to ringing, then start ending it in an open transaction.
    await pg.query(`UPDATE calls SET status = 'ringing' WHERE id = $1`, [id]);
    await pg.query('BEGIN');
    await pg.query(`UPDATE calls SET status = 'canceling' WHERE id = $1`, [id]);
    let settled = false;
    const insert = repository.insert([leg(customerId, id)], null).finally(() => {
      settled = true;
    });
    // The insert must wait on the master's row rather than read its old, chainable status.
    const waitingForLocks = async () => Number((await pg.query('SELECT count(*) AS n FROM pg_locks WHERE NOT granted')).rows[0].n);
    await waitFor(waitingForLocks, (n) => n > 0 || settled, 'the insert to wait for the row lock');
    expect(settled).toBe(false);
    await pg.query('COMMIT');
    expect(await insert).toEqual([]);
    expect((await pg.query('SELECT count(*)::int AS n FROM calls WHERE master_call_id = $1', [id])).rows[0].n).toBe(0);
  });
});
