import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { REACTIONS, type ReactionName } from '../../domain/reactions';
import type { Logger } from '../../platform/logger';
import { callFromRow } from '../../services/call-row';
import { REACTION_QUEUE, type ReactionJobData } from './reaction-queue';
import type { ReactionTestHooks } from './reaction-test-hooks';
import type { EagerRuns } from './eager-reactions';
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
  /** A nested groupcall's reaction could not run: its master is hung up (it could not move on). */
  gaveUpGroupcall(groupcallId: string): Promise<void>;
  lockMs: number;
  concurrency: number;
  hooks: ReactionTestHooks | null;
  /** The reactions this process already ran at once (eager-reactions.ts): their jobs have nothing left to do. */
  eager?: EagerRuns;
  logger: Logger;
}

/**
 * What ends when a reaction cannot run: the call itself, a transfer's caller, the call a connect's
 * groupcall rang for, or else the master of a nested groupcall.
 */
function endedOnFailure(event: ReactionJobData): { callId: string } | { groupcallId: string } {
  if (event.resourceType === 'transfer') return { callId: String(event.payload.caller_call_id) };
  if (event.resourceType === 'groupcall') {
    const { master_call_id: call, master_groupcall_id: master } = event.payload;
    return typeof call === 'string' ? { callId: call } : { groupcallId: String(master ?? event.resourceId) };
  }
  return { callId: callFromRow(event.payload).id };
}

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
    if (job.id && (await deps.eager?.done(job.id))) return;
    const ends = endedOnFailure(job.data);
    try {
      await hooks?.beforeReaction(reaction, job);
      await handlers[reaction](job.data);
    } catch (error) {
      if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw error;
      logger.error({ err: error, jobId: job.id, ...ends }, 'a reaction failed for good; ending its call');
      if ('groupcallId' in ends) await deps.gaveUpGroupcall(ends.groupcallId);
      else await deps.gaveUp(ends.callId, `${reaction} failed after ${job.attemptsMade + 1} attempts: ${message(error)}`);
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
