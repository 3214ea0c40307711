import { randomBytes, randomUUID } from 'node:crypto';
import { createRedisEventBus } from '../src/events/event-bus';
import type { EventRecord } from '../src/events/event-record';
import { createLogger } from '../src/platform/logger';
import { connectRedis } from '../src/platform/redis';
import { createAuthService } from '../src/services/auth-service';
import { createCallRepository } from '../src/persistence/call-repository';
import { createCallService } from '../src/services/call-service';
import { createFlowService } from '../src/services/flow-service';
import { createNumberService } from '../src/services/number-service';
import { createOutboxDispatcher } from '../src/workers/outbox-dispatcher';
import { createQueuedTelephonyCommands, createTelephonyQueue } from '../src/workers/telephony-queue';
import { freshSchema } from './support/schema';
import { waitFor } from './support/wait';

/**
 * The call service and the outbox on real Postgres and Redis, with no telephony worker: what the
 * service writes, queues and publishes, looked at directly.
 */
const db = freshSchemaOnce();
function freshSchemaOnce() {
  let value: Awaited<ReturnType<typeof freshSchema>> | undefined;
  return { get: () => value!, set: (v: typeof value) => (value = v) };
}

const prefix = `test:${randomBytes(4).toString('hex')}`;
const publisher = connectRedis('redis://127.0.0.1:6379', 'pub');
const subscriber = connectRedis('redis://127.0.0.1:6379', 'sub');
const bus = createRedisEventBus(publisher, subscriber, prefix);
const logger = createLogger('silent');
const queueConnection = connectRedis('redis://127.0.0.1:6379', 'queue');
const queue = createTelephonyQueue(queueConnection, prefix);
const commands = createQueuedTelephonyCommands(queue);
let dispatcher: ReturnType<typeof createOutboxDispatcher>;
let customerId: string;

beforeAll(async () => {
  db.set(await freshSchema('svc'));
  dispatcher = createOutboxDispatcher({ pool: db.get().pool, schema: db.get().schema, publish: bus.publish, logger, pollMs: 50 });
  await dispatcher.start();
  customerId = (await createAuthService(db.get().prisma, { jwtSecret: 'j'.repeat(32), jwtTtlSeconds: 60 }).createCustomer('a')).customerId;
  await numbers().create(customerId, { number: input.source.target }); // outgoing tel calls come from the customer's own number
});
afterAll(async () => {
  await dispatcher.stop();
  await bus.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await Promise.all([publisher.quit(), subscriber.quit(), queueConnection.quit()]);
  await db.get().drop();
});

const numbers = () => createNumberService(db.get().prisma, createFlowService(db.get().prisma));
const service = () => createCallService({ prisma: db.get().prisma, calls: createCallRepository(db.get().prisma), commands, numbers: numbers(), logger });
const input = { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] };

describe('creating calls', () => {
  it('queues an originate per call, once, and stores its dial deadline instead of a timer job', async () => {
    const [call] = await service().create(customerId, { ...input, dialTimeout: 45_000 });
    expect((await queue.getJob(`originate_${call!.id}`))?.data).toEqual({ callId: call!.id });
    expect(await queue.getJobCounts('delayed', 'waiting')).toMatchObject({ delayed: 0 });
    // The deadline is the insert's now() (its transaction's start) plus the dial timeout.
    const [row] = await db.get().prisma.$queryRaw<{ ahead_ms: number }[]>`
      SELECT extract(epoch FROM dial_deadline - tm_create) * 1000 AS ahead_ms FROM calls WHERE id = ${call!.id}::uuid`;
    expect(Number(row!.ahead_ms)).toBeLessThanOrEqual(45_000);
    expect(Number(row!.ahead_ms)).toBeGreaterThan(44_000);
  });
});

describe('call state changes', () => {
  it('never moves a call backwards on a late or repeated media event, and writes no event for it', async () => {
    const [call] = await service().create(customerId, input);
    await service().signal(call!.id, { type: 'ringing' });
    await service().signal(call!.id, { type: 'answered' });
    const late = await service().signal(call!.id, { type: 'ringing' });
    const repeated = await service().signal(call!.id, { type: 'answered' });
    expect(late?.status).toBe('progressing');
    expect(repeated?.status).toBe('progressing');
    const events = await db.get().prisma.event.findMany({ where: { resourceId: call!.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['call_created', 1],
      ['call_ringing', 2],
      ['call_answered', 3],
    ]);
  });

  it('lets exactly one of many concurrent moves win', async () => {
    const [call] = await service().create(customerId, input);
    const results = await Promise.all(Array.from({ length: 10 }, () => service().hangup(customerId, call!.id)));
    expect(results.every((result) => result.status === 'canceling')).toBe(true);
    const events = await db.get().prisma.event.findMany({ where: { resourceId: call!.id } });
    expect(events.map((event) => event.type).sort()).toEqual(['call_created', 'call_updated']);
  });

  it('keeps the dial-timeout reason when the channel is destroyed', async () => {
    const [call] = await service().create(customerId, input);
    await service().signal(call!.id, { type: 'ringing' });
    await service().signal(call!.id, { type: 'dial_timeout' });
    // The job carries the call as the hangup was decided on: its channel and the facts its end is decided on.
    expect((await queue.getJob(`hangup_${call!.id}_3`))?.data).toEqual({
      callId: call!.id,
      cause: 19,
      channelId: call!.id,
      call: { status: 'canceling', direction: 'outgoing', hangupRequest: 'dialout', activeflowId: null },
    });
    const ended = await service().signal(call!.id, { type: 'channel_destroyed', cause: 19 });
    expect(ended).toMatchObject({ status: 'hangup', hangupBy: 'local', hangupReason: 'dialout' });
  });

  it('ignores the dial timeout of a call that was answered', async () => {
    const [call] = await service().create(customerId, input);
    await service().signal(call!.id, { type: 'answered' });
    expect((await service().signal(call!.id, { type: 'dial_timeout' }))?.status).toBe('progressing');
  });

  it('decides a hangup on the call as last seen only while it still is so, else on the call as it is', async () => {
    const [call] = await service().create(customerId, input);
    const seeing = service();
    await seeing.signal(call!.id, { type: 'ringing' }); // this process saw it ringing...
    await service().signal(call!.id, { type: 'answered' }); // ...and another one saw it answered
    const hungUp = await seeing.signal(call!.id, { type: 'hangup_requested', reason: 'normal' });
    // An answered call is terminated, not canceled as the ringing call it last saw would be.
    expect(hungUp).toMatchObject({ status: 'terminating', hangupRequest: 'normal' });
    const events = await db.get().prisma.event.findMany({ where: { resourceId: call!.id }, orderBy: { sequence: 'asc' } });
    expect(events.map((event) => [event.type, (event.payload as { status: string }).status])).toEqual([
      ['call_created', 'dialing'],
      ['call_ringing', 'ringing'],
      ['call_answered', 'progressing'],
      ['call_updated', 'terminating'],
    ]);
  });

  it('sends a hangup at once when the caller asks, instead of queueing it, whether or not the call was seen before', async () => {
    const sent: [string, string, number][] = [];
    const now = async (target: { id: string; status: string }, cause: number) => void sent.push([target.id, target.status, cause]);
    const [seenCall, unseenCall] = await service().create(customerId, { ...input, destinations: [...input.destinations, { type: 'tel', target: '+15559876544' }] });
    const seeing = service();
    await seeing.signal(seenCall!.id, { type: 'ringing' });
    await service().signal(unseenCall!.id, { type: 'ringing' });
    for (const call of [seenCall!, unseenCall!]) {
      expect(await seeing.signal(call.id, { type: 'hangup_requested', reason: 'normal' }, now)).toMatchObject({ status: 'canceling' });
      expect(await queue.getJob(`hangup_${call.id}_3`)).toBeUndefined();
    }
    expect(sent).toEqual([
      [seenCall!.id, 'canceling', 16],
      [unseenCall!.id, 'canceling', 16],
    ]);
  });

  it('hangs several calls up at once, each decided on its own state: those seen alike together, the others on their own', async () => {
    const sent: [string, string][] = [];
    const now = async (target: { id: string; status: string }) => void sent.push([target.id, target.status]);
    const destinations = ['+15559876545', '+15559876546', '+15559876547', '+15559876548'].map((target) => ({ type: 'tel', target }));
    const [ringing1, ringing2, answeredElsewhere, unseen] = await service().create(customerId, { ...input, destinations });
    const seeing = service();
    for (const call of [ringing1!, ringing2!, answeredElsewhere!]) await seeing.signal(call.id, { type: 'ringing' });
    await service().signal(answeredElsewhere!.id, { type: 'answered' }); // no longer as this process saw it
    await service().signal(unseen!.id, { type: 'ringing' });
    await seeing.hangupMany([ringing1!.id, ringing2!.id, answeredElsewhere!.id, unseen!.id], { type: 'hangup_requested', reason: 'cancel' }, now);
    const expected = { [ringing1!.id]: 'canceling', [ringing2!.id]: 'canceling', [answeredElsewhere!.id]: 'terminating', [unseen!.id]: 'canceling' };
    expect(Object.fromEntries(sent)).toEqual(expected);
    expect(sent).toHaveLength(4);
    for (const [id, status] of Object.entries(expected)) {
      const events = await db.get().prisma.event.findMany({ where: { resourceId: id, type: 'call_updated' } });
      expect(events.map((event) => (event.payload as { status: string; hangup_request: string }).status)).toEqual([status]);
    }
  });

  it('tells its move listeners every move it committed, and no signal that moved nothing', async () => {
    const told: [string, string][] = [];
    const listening = service();
    listening.onMoved((event, call) => told.push([event, call.status]));
    const [call] = await listening.create(customerId, input);
    await listening.signal(call!.id, { type: 'ringing' });
    await listening.signal(call!.id, { type: 'ringing' }); // repeated: no move
    await listening.signal(call!.id, { type: 'answered' });
    expect(told).toEqual([
      ['call_ringing', 'ringing'],
      ['call_answered', 'progressing'],
    ]);
  });
});

describe('the outbox', () => {
  it('publishes every committed event of a call once, in sequence order', async () => {
    const received: EventRecord[] = [];
    const unsubscribe = await bus.subscribe(customerId, (event) => received.push(event));
    try {
      const [call] = await service().create(customerId, input);
      for (const signal of [{ type: 'ringing' }, { type: 'answered' }] as const) await service().signal(call!.id, signal);
      await service().hangup(customerId, call!.id);
      await service().signal(call!.id, { type: 'channel_destroyed', cause: 16 });
      const mine = await waitFor(
        async () => received.filter((event) => event.resourceId === call!.id),
        (events) => events.length >= 5,
        'five events of the call',
      );
      expect(mine.map((event) => event.type)).toEqual(['call_created', 'call_ringing', 'call_answered', 'call_updated', 'call_hungup']);
      expect(mine.map((event) => event.sequence)).toEqual([1, 2, 3, 4, 5]);
      expect(mine[4]?.payload).toMatchObject({ status: 'hangup', hangup_by: 'local', hangup_reason: 'normal' });
    } finally {
      await unsubscribe();
    }
  });

  it('publishes nothing to another customer’s channel', async () => {
    const other = await createAuthService(db.get().prisma, { jwtSecret: 'j'.repeat(32), jwtTtlSeconds: 60 }).createCustomer('b');
    const heard: EventRecord[] = [];
    const unsubscribe = await bus.subscribe(other.customerId, (event) => heard.push(event));
    const mine: EventRecord[] = [];
    const unsubscribeMine = await bus.subscribe(customerId, (event) => mine.push(event));
    try {
      const [call] = await service().create(customerId, input);
      await waitFor(async () => mine.filter((event) => event.resourceId === call!.id), (events) => events.length === 1, 'the call_created event');
      expect(heard).toEqual([]);
    } finally {
      await unsubscribe();
      await unsubscribeMine();
    }
  });

  it('refuses a call of another customer as not found', async () => {
    const [call] = await service().create(customerId, input);
    await expect(service().get(randomUUID(), call!.id)).rejects.toMatchObject({ code: 'CALL_NOT_FOUND' });
  });
});
