import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { REACTIONS, type ReactionName } from '../../domain/reactions';
import type { Logger } from '../../platform/logger';
import { callFromRow } from '../../services/call-row';
import { REACTION_QUEUE, type ReactionJobData } from './reaction-queue';
import type { ReactionTestHooks } from './reaction-test-hooks';
import { logWorkerErrors } from '../worker-errors';

/** Carries out one reaction to a change; must be idempotent (it may run again after a crash). */
export type ReactionHandler = (event: ReactionJobData) => Promise<void>;
/** One handler per reaction: a reaction without one does not compile. */
export type ReactionHandlers = Readonly<Record<ReactionName, ReactionHandler>>;

export interface ReactionWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  handlers: ReactionHandlers;
  /** The reaction could not run however often it was tried: record it on the call and end the call. */
  gaveUp(callId: string, reason: string): Promise<void>;
  lockMs: number;
  concurrency: number;
  hooks: ReactionTestHooks | null;
  logger: Logger;
}

/** The call a reaction is about: the call itself, or a transfer's caller (what ends if it cannot run). */
const callIdOf = (event: ReactionJobData): string =>
  event.resourceType === 'transfer' ? String(event.payload.caller_call_id) : callFromRow(event.payload).id;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs reaction jobs. A failed attempt is retried with backoff (BullMQ); the last one records
 * the error on the call (with its call_updated event) and ends the call, so a call whose reaction
 * could not run does not stay up forever. A worker that dies mid-job loses the job's lock after
 * `lockMs`, and another worker runs it again.
 */
export function createReactionWorker(deps: ReactionWorkerDeps): Worker<ReactionJobData> {
  const { handlers, hooks, logger } = deps;
  const processor = async (job: Job<ReactionJobData>) => {
    if (!(REACTIONS as readonly string[]).includes(job.name)) throw new UnrecoverableError(`unknown reaction ${job.name}`);
    const reaction = job.name as ReactionName;
    const callId = callIdOf(job.data);
    try {
      await hooks?.beforeReaction(reaction, job);
      await handlers[reaction](job.data);
    } catch (error) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      logger.error({ err: error, jobId: job.id, callId }, 'a reaction failed for good; ending its call');
      await deps.gaveUp(callId, `${reaction} failed after ${job.attemptsMade + 1} attempts: ${message(error)}`);
    }
  };
  const worker = new Worker<ReactionJobData>(REACTION_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
    lockDuration: deps.lockMs,
    stalledInterval: deps.lockMs,
    maxStalledCount: 3,
  });
  worker.on('failed', (job, error) => logger.warn({ err: error, jobId: job?.id }, 'reaction attempt failed'));
  logWorkerErrors(worker, logger, 'reaction worker');
  return worker;
}
