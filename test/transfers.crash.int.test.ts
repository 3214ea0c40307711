import { createLogger } from '../src/platform/logger';
import { connectDatabase, type Database } from '../src/persistence/database';
import { createMediaControlExecutor } from '../src/services/media-control-executor';
import { createAriMediaServer } from '../src/telephony/ari/ari-media-server';
import type { MediaServer } from '../src/telephony/media-server';
import { simulatorSpeech } from '../src/telephony/text-to-speech';
import { REACTION_QUEUE, type ReactionJobData } from '../src/workers/reactions/reaction-queue';
import { createTransferEffects } from '../src/workers/transfers/transfer-effects';
import { createTransferReactions } from '../src/workers/transfers/transfer-reactions';
import { farEnd, getCall, queueOf, waitForHangup } from './support/flows';
import { channelsTo, CRASH, dyingServices } from './support/crash-state';
import { reactionKillKit } from './support/reaction-kill';
import { rest } from './support/rest';
import { connectedPair, RINGS, transfer, TRANSFER_SOURCE, waitForTransfer } from './support/transfers';

/**
 * The transfer-effects reaction that dials the transferee, after a crash in its middle and run
 * twice. The worker process holds the reaction's job (a test hook), and this test runs the
 * reaction itself, as the worker would, on the same product: first on the state a worker leaves
 * that died after inserting the transferee's call and before sending its originate (made by the
 * call service itself, with a telephony port that dies at its first command), then once more.
 * The call is dialled once: it rings, on one channel.
 */
const { app, sim, holdReaction } = reactionKillKit();
let db: Database;
let media: MediaServer;
beforeAll(async () => {
  await app().ownNumber(app().app.bootstrap!.customerId, TRANSFER_SOURCE);
  db = connectDatabase(app().config.databaseUrl, app().config.databaseSchema, 2);
  media = createAriMediaServer({ url: sim().url, username: 'opencall', password: 'opencall', app: app().config.ari.app, requestTimeoutMs: 5_000 }, createLogger('silent'));
  await media.connect();
});
afterAll(async () => {
  await media?.stop();
  await db?.close();
});


/** The transfer reactions on the test app's services, as a worker builds them. */
function transferReactions() {
  const { services } = app().app;
  const effects = createTransferEffects({
    transfers: services.transfers,
    calls: services.calls,
    groupcalls: services.groupcalls,
    bridges: media,
    media,
    control: createMediaControlExecutor(db.prisma, media, simulatorSpeech),
    activeflows: services.activeflows,
  });
  return createTransferReactions({ transfers: services.transfers, calls: services.calls, effects });
}

async function heldJobData(transferId: string): Promise<ReactionJobData> {
  const reactions = queueOf(app(), REACTION_QUEUE);
  try {
    const job = await reactions.queue.getJob(`reaction_transfer-effects_${transferId}_1`);
    expect(job?.data).toMatchObject({ type: 'transfer_created', resourceId: transferId });
    return job!.data as ReactionJobData;
  } finally {
    await reactions.close();
  }
}

it('dials, once, the transferee whose call a dead worker made but never dialled', async () => {
  const t = app();
  const held = holdReaction('transfer-effects');
  const { caller, transferer } = await connectedPair(t);
  const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: RINGS } });
  const id = body.transfer_id as string;
  const consult = body.consult_call_id as string;
  await held.held(id);

  const { calls } = dyingServices(db.prisma, t.app.services.numbers);
  const made = calls.create(t.app.bootstrap!.customerId, { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: RINGS }], masterCallId: caller, dialTimeout: body.transfer.timeout, callId: consult });
  await expect(made).rejects.toBe(CRASH);
  expect(await getCall(t, consult)).toMatchObject({ status: 'dialing', master_call_id: caller });
  expect(await farEnd(t, consult)).toBeNull();

  const reactions = transferReactions();
  const job = await heldJobData(id);
  await reactions.onEvent(job);
  await reactions.onEvent(job);
  await waitForTransfer(t, id, 'ringing');
  expect((await farEnd(t, consult))?.state).toBe('Ringing');
  expect(await channelsTo(sim().url, RINGS)).toHaveLength(1);
  await waitForHangup(t, transferer);
  const hungup = ((await rest(t, 'GET', `/calls/${transferer}/events`)).body.result as { type: string }[]).filter((event) => event.type === 'call_hungup');
  expect(hungup).toHaveLength(1);
});
