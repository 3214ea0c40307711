import type { Activeflow } from '../src/domain/flow/activeflow';
import { parseFlowAction } from '../src/domain/flow/parse-flow-actions';
import { createLogger } from '../src/platform/logger';
import { connectDatabase, type Database } from '../src/persistence/database';
import { createAriMediaServer } from '../src/telephony/ari/ari-media-server';
import type { MediaServer } from '../src/telephony/media-server';
import { simulatorSpeech } from '../src/telephony/text-to-speech';
import { connectLegs } from '../src/workers/flow-connect';
import { createFlowExecutor } from '../src/workers/flow-executor';
import { createQueuedFlowJobs } from '../src/workers/flow-queue';
import { callAtConnect } from './support/connect-step';
import { channelsTo, CRASH, dyingServices } from './support/crash-state';
import { farEnd, flowQueueOf, getCall } from './support/flows';
import { answerLeg, getGroupcall } from './support/groupcalls';
import type { Json } from './support/rest';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * A flow's connect step after a crash in its middle, run twice. The worker that ran the step
 * died after inserting its legs (one call, or a groupcall's) and before sending their originate:
 * that state is made by the step itself, with a telephony port that dies at its first command.
 * The step's job is then run again, as the queue does with a job whose worker died, and once
 * more: each leg that should ring rings, on one channel, and its answer is bridged with the call.
 */
jest.setTimeout(90_000);
let t: TestApp;
let db: Database;
let media: MediaServer;
let flowQueue: ReturnType<typeof flowQueueOf>;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, SOURCE.target);
  db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 2);
  media = createAriMediaServer({ url: t.simUrl, username: 'opencall', password: 'opencall', app: t.config.ari.app, requestTimeoutMs: 5_000 }, createLogger('silent'));
  await media.connect();
  flowQueue = flowQueueOf(t);
});
afterAll(async () => {
  await flowQueue?.close();
  await media?.stop();
  await db?.close();
  await t?.stop();
});

const SOURCE = { type: 'tel', target: '+15559876543' };
/** Far ends that ring until answered (the sandbox number plan), one number per leg of this file. */
const RINGS = (n: number) => ({ type: 'tel', target: `+1555000${2700 + n}` });

const logger = createLogger('silent');

const atConnect = (connect: Json) => callAtConnect(t, db.prisma, flowQueue.queue, SOURCE, connect);

/** What a worker that died after inserting the legs and before dialling them left: its legs, dialing. */
async function crashedConnect(flow: Activeflow, master: string): Promise<string[]> {
  const { services } = t.app;
  const { calls, groupcalls } = dyingServices(db.prisma, services.numbers);
  const call = (await services.calls.findById(master))!;
  const action = parseFlowAction(flow.currentAction!, 'current_action');
  if (action.type !== 'connect') throw new Error(`the flow is at ${action.type}`);
  await expect(connectLegs({ calls: services.calls, callService: calls, groupcalls }, flow, call, action)).rejects.toBe(CRASH);
  const legs = (await getCall(t, master)).chained_call_ids as string[];
  expect(legs.length).toBeGreaterThan(0);
  for (const leg of legs) {
    expect(await getCall(t, leg)).toMatchObject({ status: 'dialing', master_call_id: master });
    expect(await farEnd(t, leg)).toBeNull();
  }
  return legs;
}

/** The connect step's job run again, as the flow worker runs it, twice. */
async function runStepTwice(flow: Activeflow): Promise<void> {
  const { activeflows, calls, groupcalls, recordings } = t.app.services;
  const jobs = createQueuedFlowJobs(flowQueue.queue);
  const executor = createFlowExecutor({ activeflows, calls, callService: calls, groupcalls, recordings, media, speech: simulatorSpeech, jobs, parse: parseFlowAction, logger });
  await executor.runStep(flow.id, flow.step);
  await executor.runStep(flow.id, flow.step);
}

const ringing = (leg: string) => waitFor(() => farEnd(t, leg), (far) => far?.state === 'Ringing', `leg ${leg} to ring`, 30_000);

async function bridgedOnAnswer(master: string, leg: string): Promise<void> {
  await answerLeg(t, leg);
  await waitFor(() => farEnd(t, master), (far) => (far?.bridged_with as string[] | undefined)?.includes(leg) === true, 'the call bridged with the leg');
}

it('dials, once, the one leg a dead worker made but never dialled, and bridges its answer', async () => {
  const { master, flow } = await atConnect({ destinations: [RINGS(1)] });
  const [leg] = await crashedConnect(flow, master);

  await runStepTwice(flow);
  await ringing(leg!);
  expect(await channelsTo(t.simUrl, RINGS(1).target)).toHaveLength(1);
  await bridgedOnAnswer(master, leg!);
});

it('dials, once, every leg of the ring_all groupcall a dead worker made but never dialled', async () => {
  const destinations = [RINGS(2), RINGS(3), RINGS(4)];
  const { master, flow } = await atConnect({ destinations });
  const legs = await crashedConnect(flow, master);
  expect(legs).toHaveLength(3);

  await runStepTwice(flow);
  for (const leg of legs) await ringing(leg);
  for (const destination of destinations) expect(await channelsTo(t.simUrl, destination.target)).toHaveLength(1);
  const groupcall = await getGroupcall(t, (await getCall(t, legs[0]!)).groupcall_id as string);
  expect(groupcall).toMatchObject({ master_call_id: master, ring_method: 'ring_all', call_count: 3 });
  await bridgedOnAnswer(master, legs[1]!);
});

it('dials, once, only the current leg of the linear groupcall a dead worker made but never dialled', async () => {
  const { master, flow } = await atConnect({ destinations: [RINGS(5), RINGS(6)], ring_method: 'linear' });
  const [first, ...others] = await crashedConnect(flow, master);
  expect(others).toHaveLength(0);

  await runStepTwice(flow);
  await ringing(first!);
  expect(await channelsTo(t.simUrl, RINGS(5).target)).toHaveLength(1);
  expect(await channelsTo(t.simUrl, RINGS(6).target)).toHaveLength(0);
  expect((await getCall(t, master)).chained_call_ids).toEqual([first]);
  await bridgedOnAnswer(master, first!);
});
