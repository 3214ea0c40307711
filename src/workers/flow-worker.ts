import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../platform/logger';
import type { FlowExecutor } from './flow-executor';
import { FLOW_QUEUE, type FlowJob } from './flow-queue';
import { logWorkerErrors } from './worker-errors';

export interface FlowWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  executor: FlowExecutor;
  logger: Logger;
  concurrency?: number;
  /** How long a job is held before another worker may take it (its worker died). */
  lockMs?: number;
}

/** Runs flow steps and ends their waits; every handler re-reads the activeflow, so a retry does no harm. */
export function createFlowWorker(deps: FlowWorkerDeps): Worker {
  const { executor, logger } = deps;
  const processor = async (job: Job) => {
    const command = { name: job.name, data: job.data } as FlowJob;
    switch (command.name) {
      case 'run':
        return executor.runStep(command.data.activeflowId, command.data.step);
      case 'wait':
        return executor.waitOver(command.data.activeflowId, command.data.step);
      default:
        throw new UnrecoverableError(`unknown flow job ${job.name}`);
    }
  };
  const worker = new Worker(FLOW_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 50,
    ...(deps.lockMs ? { lockDuration: deps.lockMs, stalledInterval: deps.lockMs } : {}),
  });
  worker.on('failed', (job, error) => logger.warn({ err: error, jobId: job?.id }, 'flow job failed'));
  logWorkerErrors(worker, logger, 'flow worker');
  return worker;
}
