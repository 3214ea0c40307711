import { Client } from 'pg';
import { createLogger } from '../src/platform/logger';
import { connectRedis } from '../src/platform/redis';
import { connectDatabase, type Database } from '../src/persistence/database';
import { createCallRepository } from '../src/persistence/call-repository';
import { createCallService } from '../src/services/call-service';
import { createQueuedTelephonyCommands, createTelephonyQueue } from '../src/workers/telephony-queue';
import { CRASH, dyingServices } from './support/crash-state';
import { createCalls, getCall, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simChannel, simPost } from './support/sim';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';

/**
 * The dial timeout as a deadline stored with the call (`calls.dial_deadline`, set by its insert)
 * that every worker's sweep enforces (src/workers/dial-timeouts.ts), instead of a delayed job
 * queued after the insert.
 */
let t: TestApp;
let db: Database;
let pg: Client;
beforeAll(async () => {
  t = await startTestApp({ DIAL_TIMEOUT_SWEEP_MS: '100' });
  db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 2);
  pg = new Client({ connectionString: t.config.databaseUrl, options: `-c search_path=${t.config.databaseSchema}` });
  await pg.connect();
});
afterAll(async () => {
  await pg?.end();
  await db?.close();
  await t?.stop();
});

/** Rings and never answers (the sandbox number plan). */
const RINGS = (n: number) => `+15550002${String(n).padStart(3, '0')}`;
const SOURCE = { type: 'tel', target: TEST_SOURCE_NUMBER };

const eventTypes = async (callId: string): Promise<string[]> => ((await rest(t, 'GET', `/calls/${callId}/events`)).body.result as Json[]).map((event) => event.type as string);

/** Whether the call ended no earlier than its stored deadline (both the database's clock). */
async function endedAtOrAfterDeadline(callId: string): Promise<boolean> {
  const { rows } = await pg.query<{ after: boolean }>('SELECT tm_hangup >= dial_deadline AS after FROM calls WHERE id = $1', [callId]);
  return rows[0]!.after;
}

it('ends a call whose maker died between its insert and its originate at its deadline, with one call_hungup', async () => {
  // The product's own create, on a telephony port that dies at its first command: the call is
  // committed dialing, its originate never sent (an API process that crashed in the request).
  const made = dyingServices(db.prisma, t.app.services.numbers).calls.create(t.app.bootstrap!.customerId, { source: SOURCE, destinations: [{ type: 'tel', target: RINGS(1) }], dialTimeout: 1000 });
  await expect(made).rejects.toBe(CRASH);
  const { rows } = await pg.query<{ id: string; status: string }>(`SELECT id, status FROM calls WHERE destination->>'target' = $1`, [RINGS(1)]);
  expect(rows).toEqual([{ id: expect.any(String), status: 'dialing' }]);
  const callId = rows[0]!.id;

  const ended = await waitForHangup(t, callId);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout' });
  expect(await eventTypes(callId)).toEqual(['call_created', 'call_updated', 'call_hungup']);
  expect(await endedAtOrAfterDeadline(callId)).toBe(true);
  expect(await simChannel(t.simUrl, callId)).toBeNull(); // never dialled
});

it('ends a ringing call past its deadline local/dialout, and leaves a call answered before its deadline as it is', async () => {
  const [answered] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: '+15557770100' }], dial_timeout: 1000 });
  await waitForCall(t, answered!.id as string, (call) => call.status === 'progressing', 'the answer');
  // Made after the answer, so its deadline is later: once the sweep ended it, it had passed the answered call's.
  const [ringing] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: RINGS(2) }], dial_timeout: 1000 });
  const ended = await waitForHangup(t, ringing!.id as string);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout' });
  expect(await eventTypes(ringing!.id as string)).toEqual(['call_created', 'call_ringing', 'call_updated', 'call_hungup']);
  expect(await endedAtOrAfterDeadline(ringing!.id as string)).toBe(true);

  expect(await getCall(t, answered!.id as string)).toMatchObject({ status: 'progressing', hangup_reason: '' });
  expect(await eventTypes(answered!.id as string)).toEqual(['call_created', 'call_ringing', 'call_answered']);
  await rest(t, 'POST', `/calls/${answered!.id}/hangup`);
});

it('moves an overdue call once when several processes time it out at the same moment', async () => {
  const [call] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: RINGS(3) }], dial_timeout: 600_000 });
  const callId = call!.id as string;
  await waitForCall(t, callId, (found) => found.status === 'ringing', 'the ringing');
  const queueConnection = connectRedis(t.config.redisUrl, 'queue');
  const queue = createTelephonyQueue(queueConnection, t.config.redisPrefix);
  try {
    // A second worker's call service, on the same database and queue.
    const other = createCallService({ prisma: db.prisma, calls: createCallRepository(db.prisma), commands: createQueuedTelephonyCommands(queue), numbers: t.app.services.numbers, logger: createLogger('silent') });
    const row = (await t.app.services.calls.findById(callId))!;
    const results = await Promise.all([t.app.services.calls, other, t.app.services.calls, other].map((service) => service.dialTimedOut(row)));
    // Each answers the call as it is afterwards: canceling, or already hung up when a loser re-read it late.
    expect(results.every((result) => result.status === 'canceling' || result.status === 'hangup')).toBe(true);
    const ended = await waitForHangup(t, callId);
    expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout' });
    expect(await eventTypes(callId)).toEqual(['call_created', 'call_ringing', 'call_updated', 'call_hungup']);
  } finally {
    await queue.close();
    await queueConnection.quit();
  }
});

it('keeps the call’s deadline across a route failover: the dial timeout bounds the whole call', async () => {
  const providers: string[] = [];
  for (const name of ['deadline-a', 'deadline-b']) {
    const created = await rest(t, 'POST', '/providers', { name, endpoint: `PJSIP/{target}@${name}` });
    expect(created.status).toBe(200);
    providers.push(created.body.id as string);
  }
  for (const [index, providerId] of providers.entries()) {
    const route = await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, provider_id: providerId, priority: index + 1, target: RINGS(4).slice(1) });
    expect(route.status).toBe(200);
  }
  expect((await simPost(t.simUrl, '/sim/far-ends', { endpoint: 'PJSIP/{target}@deadline-a', dial_status: 'CONGESTION' })).status).toBe(204);

  const [call] = await createCalls(t, { source: SOURCE, destinations: [{ type: 'tel', target: RINGS(4) }], dial_timeout: 1000 });
  const callId = call!.id as string;
  const ended = await waitForHangup(t, callId);
  expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout' });
  expect((ended.attempts as Json[]).map((attempt) => attempt.provider_id)).toEqual(providers);
  // The deadline is the insert's (at most dial_timeout after the call's creation), not the second attempt's start plus dial_timeout.
  const { rows } = await pg.query<{ from_creation: boolean; second_started_before: boolean }>(
    `SELECT dial_deadline <= tm_create + dial_timeout * interval '1 millisecond' AS from_creation,
            (attempts -> 1 ->> 'tm_start')::timestamptz > tm_create AS second_started_before
     FROM calls WHERE id = $1`,
    [callId],
  );
  expect(rows[0]).toEqual({ from_creation: true, second_started_before: true });
  expect((await simChannel(t.simUrl, `${callId}-2`))?.endpoint).toBe(`PJSIP/${RINGS(4)}@deadline-b`);
});
