import { rest, type Json } from './support/rest';
import { SOURCE } from './support/groupcalls';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';

/** Polls `probe` every POLL_MS until `done`: fewer, larger reads than waitFor's, so the polling does not slow the system down. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, limitMs: number): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * The first answer wins under load: many ring_all groupcalls whose legs are all answered at the
 * far end at nearly the same moment, in random order. Exactly one winner each; every other leg
 * ends local/cancel; one groupcall_hangup per groupcall and one call_hungup per leg.
 */
// The figure. What kept 1000 slow was the test itself: groupcalls made five at a time
// (each waits for its insert to commit), and polls that read every groupcall one by one.
// Now each batch is made 25 at a time and the waits are one request or query per poll.
const GROUPCALLS = Number(process.env.GROUPCALL_RACE_COUNT ?? 1000);
const BATCH = 50;
const MAKING_AT_ONCE = 25;
const LEGS = 2;
const POLL_MS = 100;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const shuffled = <T>(items: T[]): T[] => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
};

async function createOne(n: number): Promise<Json> {
  const destinations = Array.from({ length: LEGS }, (_, leg) => ({ type: 'tel', target: `+1555000${2000 + ((n * LEGS + leg) % 1000)}` }));
  // The winner's flow hangs it up, so every groupcall ends by itself. The longest dial timeout:
  // on a busy machine a batch may take long to ring, and no leg may give up before its answer.
  const answer = await rest(t, 'POST', '/groupcalls', {
    source: SOURCE,
    destinations,
    actions: [{ type: 'hangup' }],
    ring_method: 'ring_all',
    answer_method: 'hangup_others',
    dial_timeout: 600_000,
  });
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
  return answer.body;
}

async function runBatch(batch: number): Promise<Json[]> {
  const created: Json[] = [];
  // Made many at a time; they all ring together before any is answered.
  for (let i = 0; i < BATCH; i += MAKING_AT_ONCE) {
    created.push(...(await Promise.all(Array.from({ length: Math.min(MAKING_AT_ONCE, BATCH - i) }, (_, k) => createOne(batch * BATCH + i + k)))));
  }
  const legs = created.flatMap((groupcall) => groupcall.call_ids as string[]);
  const wanted = new Set(legs);
  const ringing = async () => ((await (await fetch(`${t.simUrl}/sim/channels`)).json()) as Json[]).filter((channel) => wanted.has(channel.id) && channel.state === 'Ringing');
  try {
    await until(async () => (await ringing()).length, (count) => count === legs.length, `the ${legs.length} legs of batch ${batch} to ring`, 300_000);
  } catch (error) {
    // Say which legs never rang, and where each of them is, so a failure can be read.
    const rang = new Set((await ringing()).map((channel) => channel.id as string));
    const calls = await t.app.services.calls.findManyOwned(legs.filter((leg) => !rang.has(leg)), t.app.bootstrap!.customerId);
    const where = calls.map((call) => ({ id: call.id, status: call.status, by: call.hangupBy, reason: call.hangupReason, detail: call.hangupDetail }));
    throw new Error(`${(error as Error).message}: ${JSON.stringify(where)}`);
  }
  // Every leg answered at once, in random order; a leg already being cancelled may refuse.
  await Promise.all(shuffled(legs).map((leg) => simPost(t.simUrl, `/sim/channels/${leg}/answer`)));
  return created;
}

it(`decides exactly one winner in each of ${GROUPCALLS} groupcalls answered at once`, async () => {
  const all: Json[] = [];
  for (let batch = 0; batch < GROUPCALLS / BATCH; batch++) all.push(...(await runBatch(batch)));
  const customerId = t.app.bootstrap!.customerId;
  const ids = all.map((groupcall) => groupcall.id as string);

  const ended = await until(
    () => t.app.services.groupcalls.findManyOwned(ids, customerId),
    (groupcalls) => groupcalls.length === ids.length && groupcalls.every((groupcall) => groupcall.status === 'hangup'),
    'every groupcall to end',
    300_000,
  );
  const legIds = ended.flatMap((groupcall) => groupcall.callIds);
  expect(legIds).toHaveLength(GROUPCALLS * LEGS);
  const legs = new Map((await t.app.services.calls.findManyOwned(legIds, customerId)).map((call) => [call.id, call]));
  const events = await t.app.services.events.historyOfMany(customerId, [...ids, ...legIds]);
  const count = (resourceId: string, type: string) => events.filter((event) => event.resourceId === resourceId && event.type === type).length;

  let losersCancelled = 0;
  for (const groupcall of ended) {
    expect(groupcall.answerCallId).not.toBeNull();
    expect(groupcall.callIds).toContain(groupcall.answerCallId);
    expect(count(groupcall.id, 'groupcall_progressing')).toBe(1);
    expect(count(groupcall.id, 'groupcall_hangup')).toBe(1);
    for (const legId of groupcall.callIds) {
      const leg = legs.get(legId)!;
      expect(count(legId, 'call_hungup')).toBe(1);
      if (legId === groupcall.answerCallId) {
        expect(leg.hangupReason).toBe('normal'); // its flow's hangup
      } else {
        expect({ by: leg.hangupBy, reason: leg.hangupReason }).toEqual({ by: 'local', reason: 'cancel' });
        losersCancelled++;
      }
    }
  }
  expect(losersCancelled).toBe(GROUPCALLS * (LEGS - 1));
}, 1_200_000);
