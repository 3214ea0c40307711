import type { Queue } from 'bullmq';
import type { Activeflow } from '../../src/domain/flow/activeflow';
import { parseFlowAction } from '../../src/domain/flow/parse-flow-actions';
import { createLogger } from '../../src/platform/logger';
import { createActiveflowRepository } from '../../src/persistence/activeflow-repository';
import type { PrismaClient } from '../../src/persistence/database';
import { createActiveflowService } from '../../src/services/activeflow-service';
import { createQueuedFlowJobs } from '../../src/workers/flow-queue';
import { createCalls } from './flows';
import type { Json } from './rest';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

/**
 * A call whose flow is at its connect step, with the step's run job left to the test: the flow
 * sleeps first, and is moved on from the sleep by the product's own move with a run job that
 * goes nowhere (the job of a worker that died, or one the test runs itself).
 */
export async function callAtConnect(t: TestApp, prisma: PrismaClient, flowQueue: Queue, source: Json, connect: Json): Promise<{ master: string; flow: Activeflow }> {
  const [call] = await createCalls(t, {
    source,
    destinations: [{ type: 'tel', target: '+15559870001' }],
    actions: [
      { type: 'sleep', option: { duration: 3_600_000 } },
      { type: 'connect', option: { source, ...connect } },
    ],
  });
  const master = call!.id as string;
  const { services } = t.app;
  const sleeping = await waitFor(() => services.activeflows.findByCall(master), (flow) => flow?.currentAction?.type === 'sleep', 'the flow to sleep');
  const jobs = { ...createQueuedFlowJobs(flowQueue), runStep: async () => undefined };
  const moving = createActiveflowService({ flows: services.flows, activeflows: createActiveflowRepository(prisma), calls: services.calls, jobs, parse: parseFlowAction, logger: createLogger('silent') });
  if (!(await moving.advance(sleeping!.id, sleeping!.step))) throw new Error('the flow did not move onto its connect');
  const flow = (await services.activeflows.findById(sleeping!.id))!;
  if (flow.currentAction?.type !== 'connect') throw new Error(`the flow is at ${flow.currentAction?.type}`);
  return { master, flow };
}
