import { Queue, type ConnectionOptions } from 'bullmq';
import { groupcallReactionsTo, reactionJobId, reactionsTo, transferReactionsTo, type ReactionName } from '../../domain/reactions';
import type { EventRecord } from '../../events/event-record';
import { callFromRow, chainedIdsOfSnapshot } from '../../services/call-row';
import { groupcallFromRow } from '../../services/groupcall-row';

export const REACTION_QUEUE = 'reactions';

/** A reaction job: the event it reacts to, with the resource's snapshot at that change. */
export interface ReactionJobData {
  eventId: string;
  type: string;
  resourceType: string;
  resourceId: string;
  sequence: number;
  payload: Record<string, unknown>;
}

export interface ReactionRetries {
  attempts: number;
  backoffMs: number;
}

export function createReactionQueue(connection: ConnectionOptions, prefix: string, retries: ReactionRetries): Queue<ReactionJobData> {
  return new Queue<ReactionJobData>(REACTION_QUEUE, {
    connection,
    prefix,
    defaultJobOptions: {
      attempts: retries.attempts,
      backoff: { type: 'exponential', delay: retries.backoffMs },
      // Kept a while, so the same reaction enqueued again (a batch dispatched twice) is a no-op.
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600 },
    },
  });
}

/** The reaction jobs a batch of committed events calls for (src/domain/reactions.ts). */
export function reactionJobsOf(events: readonly EventRecord[]): { name: ReactionName; data: ReactionJobData; opts: { jobId: string } }[] {
  return events.flatMap((event) => {
    const reactions = reactionsOfEvent(event);
    return reactions.map((name) => ({
      name,
      data: { eventId: event.id, type: event.type, resourceType: event.resourceType, resourceId: event.resourceId, sequence: event.sequence, payload: event.payload },
      opts: { jobId: reactionJobId(name, event.resourceId, event.sequence) },
    }));
  });
}

function reactionsOfEvent(event: EventRecord): ReactionName[] {
  if (event.resourceType === 'transfer') return transferReactionsTo(event.type);
  if (event.resourceType === 'groupcall') return groupcallReactionsTo(event.type, groupcallFromRow(event.payload));
  if (event.resourceType !== 'call') return [];
  const call = callFromRow(event.payload);
  return reactionsTo({ type: event.type, call: { ...call, chainedCallIds: chainedIdsOfSnapshot(event.payload) } });
}

/** Enqueues the reactions to a batch; deterministic ids make a repeat of the batch add nothing. */
export async function enqueueReactions(queue: Queue<ReactionJobData>, events: readonly EventRecord[]): Promise<void> {
  const jobs = reactionJobsOf(events);
  if (jobs.length) await queue.addBulk(jobs);
}
