import { connectDatabase, type Database } from '../src/persistence/database';
import type { CallRow } from '../src/services/call-row';
import { callFromRow } from '../src/services/call-row';
import { REACTION_QUEUE } from '../src/workers/reactions/reaction-queue';
import { farEnd, queueOf } from './support/flows';
import { answerLeg, BUSY, createGroupcall, getCall, getGroupcall, RINGS, specBody, waitForGroupcall } from './support/groupcalls';
import { channelsTo, CRASH, dyingServices } from './support/crash-state';
import { reactionKillKit } from './support/reaction-kill';

/**
 * A linear groupcall's move to its next destination after a crash in its middle, run twice. The
 * groupcall-leg-end reaction to the first leg's end is held in the worker process; the test runs
 * it itself, as the worker would: first on the groupcall service with a telephony port that dies
 * at its first command (the move and the next leg are committed, its originate never sent), then
 * twice on the product's. The next leg is dialled once: it rings, on one channel, and can win.
 */
const { app, sim, holdReaction } = reactionKillKit();
let db: Database;
beforeAll(() => {
  db = connectDatabase(app().config.databaseUrl, app().config.databaseSchema, 2);
});
afterAll(async () => {
  await db?.close();
});


/** The call the held groupcall-leg-end job is about (its event's snapshot, as the reaction reads it). */
async function heldLeg(legId: string) {
  const reactions = queueOf(app(), REACTION_QUEUE);
  try {
    const job = (await reactions.queue.getJobs(['active'])).find((held) => held.id?.startsWith(`reaction_groupcall-leg-end_${legId}_`));
    expect(job?.data).toMatchObject({ type: 'call_hungup', resourceId: legId });
    return callFromRow(job!.data.payload as CallRow);
  } finally {
    await reactions.close();
  }
}

it('dials, once, the next destination a dead worker moved a linear groupcall on to but never dialled', async () => {
  const t = app();
  const held = holdReaction('groupcall-leg-end');
  const groupcall = await createGroupcall(t, specBody([BUSY(1), RINGS(2)], { ring_method: 'linear' }));
  const [first] = groupcall.call_ids as string[];
  await held.held(first!);
  const leg = await heldLeg(first!);

  await expect(dyingServices(db.prisma, t.app.services.numbers).groupcalls.legEnded(leg)).rejects.toBe(CRASH);
  const moved = await getGroupcall(t, groupcall.id);
  expect(moved).toMatchObject({ dial_index: 1, status: 'progressing' });
  const next = (moved.call_ids as string[])[1]!;
  expect(await getCall(t, next)).toMatchObject({ status: 'dialing', groupcall_id: groupcall.id });
  expect(await farEnd(t, next)).toBeNull();

  await t.app.services.groupcalls.legEnded(leg);
  await t.app.services.groupcalls.legEnded(leg);
  await answerLeg(t, next);
  expect(await channelsTo(sim().url, RINGS(2).target)).toHaveLength(1);
  expect((await getGroupcall(t, groupcall.id)).call_ids).toEqual([first, next]);
  await waitForGroupcall(t, groupcall.id, (g) => g.answer_call_id === next, 'the next leg to win');
});
