import { Queue, type ConnectionOptions } from 'bullmq';
import type { FlowJobs } from '../services/flow-ports';

export const FLOW_QUEUE = 'flow';

export type FlowJob =
  | { name: 'run'; data: { activeflowId: string; step: number } }
  | { name: 'wait'; data: { activeflowId: string; step: number } };

const KEEP = { removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 24 * 3600 } };
const RETRIES = { attempts: 5, backoff: { type: 'exponential', delay: 200 } };

/** Job ids name the activeflow and its step: a step is run once, and waits once. */
export const runJobId = (activeflowId: string, step: number) => `flow_${activeflowId}_${step}`;
export const waitJobId = (activeflowId: string, step: number) => `flow-wait_${activeflowId}_${step}`;

export function createFlowQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(FLOW_QUEUE, { connection, prefix, defaultJobOptions: { ...KEEP, ...RETRIES } });
}

export function createQueuedFlowJobs(queue: Queue): FlowJobs {
  return {
    async runStep(activeflowId, step) {
      await queue.add('run', { activeflowId, step }, { jobId: runJobId(activeflowId, step) });
    },
    async scheduleWait(activeflowId, step, delayMs) {
      await queue.add('wait', { activeflowId, step }, { jobId: waitJobId(activeflowId, step), delay: Math.max(0, delayMs) });
    },
    async cancelWait(activeflowId, step) {
      // A wait that is firing right now is locked and stays: its advance finds the step moved on.
      await queue.remove(waitJobId(activeflowId, step));
    },
  };
}
