import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createRedisEventBus } from '../src/events/event-bus';
import type { EventRecord } from '../src/events/event-record';
import { openEventStream } from '../src/events/event-stream';
import { createLogger } from '../src/platform/logger';
import { connectRedis } from '../src/platform/redis';
import { createAuthService } from '../src/services/auth-service';
import { createOutboxDispatcher, type OutboxDispatcher } from '../src/workers/outbox-dispatcher';
import { freshSchema } from './support/schema';
import { TEST_DATABASE_URL } from './support/database-url';
import { waitFor } from './support/wait';

/**
 * The outbox dispatcher on real Postgres and Redis: the statements it sends (counted by the
 * product's own hook on its pool, which sees every statement), the order it publishes in, and
 * that a dispatcher dying between a publish and its mark leaves the batch to be published again.
 */
let db: Awaited<ReturnType<typeof freshSchema>>;
/** The test's own statements go through a pool of their own, so the product's hook counts only the dispatcher's. */
let own: Pool;
let customerId: string;
const logger = createLogger('silent');
const prefix = `test:${randomBytes(4).toString('hex')}`;
const publisher = connectRedis('redis://127.0.0.1:6379', 'pub');
const subscriber = connectRedis('redis://127.0.0.1:6379', 'sub');
const bus = createRedisEventBus(publisher, subscriber, prefix);
const stops: OutboxDispatcher[] = [];

beforeAll(async () => {
  db = await freshSchema('outbox');
  own = new Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${db.schema}`, max: 2 });
  customerId = (await createAuthService(db.prisma, { jwtSecret: 'j'.repeat(32), jwtTtlSeconds: 60 }).createCustomer('a')).customerId;
});
afterEach(async () => {
  for (const dispatcher of stops.splice(0)) await dispatcher.stop();
  await own.query('DELETE FROM events');
});
afterAll(async () => {
  await bus.close();
  await Promise.all([publisher.quit(), subscriber.quit()]);
  await own.end();
  await db.drop();
});

/** Commits events interleaved over `resources` (sequence 1, 2, 3… of each), in one statement. */
async function commitEvents(resources: string[], perResource: number): Promise<void> {
  const rows = Array.from({ length: perResource }, (_, i) => resources.map((id) => [id, i + 1] as const)).flat();
  await own.query(
    `INSERT INTO events (customer_id, resource_type, resource_id, type, sequence, payload)
     SELECT $1, 'call', r.id, 'call_updated', r.seq, '{}'::jsonb FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS r(id, seq, ord) ORDER BY r.ord`,
    [customerId, rows.map(([id]) => id), rows.map(([, seq]) => seq)],
  );
}

const unpublished = async () => Number((await own.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE published_at IS NULL')).rows[0]!.n);
const allPublished = (what: string) => waitFor(unpublished, (n) => n === 0, what);

/** Ends the session that holds the outbox's leader lock (and waits until it is gone). */
async function terminateLeader(): Promise<void> {
  const { rows } = await own.query<{ ended: boolean }>(
    `SELECT pg_terminate_backend(pid, 10000) AS ended FROM pg_locks
     WHERE locktype = 'advisory' AND objsubid = 1 AND granted
       AND ((classid::bigint << 32) | objid::bigint) = hashtext('outbox:' || $1)::bigint`,
    [db.schema],
  );
  expect(rows.map((row) => row.ended)).toEqual([true]);
}

/** What a statement of the dispatcher is, by its text. */
function kindOf(text: string): string {
  if (text.includes('UPDATE events SET published_at')) return 'mark + read next';
  if (text.includes('FROM events WHERE published_at IS NULL')) return 'read';
  return text.trim().split(/\s+/)[0]!.replace(/\(.*/, '');
}

describe('the outbox dispatcher', () => {
  it('marks each batch in the statement that reads the next, and reads no more for a wake-up that came before its last read', async () => {
    const resources: string[] = [randomUUID(), randomUUID(), randomUUID()];
    await commitEvents(resources, 3); // 9 events
    const sent: string[] = [];
    const stopCounting = db.hooks.onQuery((text) => sent.push(kindOf(text)));
    const published: EventRecord[] = [];
    const dispatcher: OutboxDispatcher = createOutboxDispatcher({
      pool: db.pool,
      schema: db.schema,
      batchSize: 2,
      pollMs: 3_600_000, // no poll: only the wake-ups below
      // Each publish is followed by a wake-up, as a commit's would be while the batch is out.
      publish: async (events) => {
        published.push(...events);
        dispatcher.wake();
      },
      logger,
    });
    await dispatcher.start();
    await allPublished('the 9 events to be published');
    // A commit after the drain's last read: its wake-up reads again.
    const late = randomUUID();
    await commitEvents([late], 1);
    dispatcher.wake();
    await allPublished('the late event to be published');
    await dispatcher.stop();
    stopCounting();

    // 9 events in batches of 2: 5 batches, one read and 5 marks that each read the next
    // (the last finds none); the wake-ups during each publish cost no read of their own.
    expect(sent).toEqual([
      'LISTEN',
      'SELECT', // the leader's lock
      'read',
      ...Array(5).fill('mark + read next'),
      'read', // the late commit
      'mark + read next',
      'UNLISTEN',
      'SELECT', // the lock let go
    ]);
    // In id order, each resource's events in sequence order, each once.
    const ids = published.map((event) => BigInt(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(10);
    for (const resource of [...resources, late]) {
      expect(published.filter((event) => event.resourceId === resource).map((event) => event.sequence)).toEqual(resource === late ? [1] : [1, 2, 3]);
    }
    const positions = published.map((event) => BigInt(event.position!));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    const stored = await own.query<{ position: string }>('SELECT position::text FROM events ORDER BY id');
    expect(stored.rows.map((row) => BigInt(row.position))).toEqual(positions);
  });

  it('publishes a batch again when its dispatcher died between the publish and the mark; the consumer gets each event once, in order', async () => {
    const resources: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const heard: EventRecord[] = [];
    const unsubscribe = await bus.subscribe(customerId, (event) => heard.push(event));
    const stream = await openEventStream({ bus, customerId, accept: (event) => resources.includes(event.resourceId) });
    let batches = 0;
    const dying = createOutboxDispatcher({
      pool: db.pool,
      schema: db.schema,
      batchSize: 2,
      pollMs: 3_600_000,
      publish: async (events) => {
        await bus.publish(events);
        // The second batch is out; its dispatcher's session ends before it can mark it, as when
        // the process is killed (its lock goes with it).
        if (++batches === 2) await terminateLeader();
      },
      logger,
    });
    stops.push(dying);
    await dying.start();
    await commitEvents(resources, 3);
    dying.wake();
    await waitFor(async () => batches, (n) => n >= 2, 'the second batch to be published');
    await waitFor(async () => dying.isLeader(), (leads) => !leads, 'the dying dispatcher to lose its session');
    const next = createOutboxDispatcher({ pool: db.pool, schema: db.schema, batchSize: 2, pollMs: 50, publish: bus.publish, logger });
    stops.push(next);
    await next.start();
    await allPublished('the takeover to publish the rest');

    const received: EventRecord[] = [];
    for await (const event of stream) {
      received.push(event);
      if (received.length === 9) break;
    }
    await unsubscribe();
    // The second batch reached the bus twice; the stream passed each event once, per resource in order.
    expect(heard.length).toBe(11);
    for (const resource of resources) {
      expect(received.filter((event) => event.resourceId === resource).map((event) => event.sequence)).toEqual([1, 2, 3]);
    }
    expect(new Set(received.map((event) => event.id)).size).toBe(9);
  });
});
