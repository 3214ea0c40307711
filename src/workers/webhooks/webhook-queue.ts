import { Queue, type ConnectionOptions } from 'bullmq';
import type { Lane } from '../../services/webhook-deliveries';

export const WEBHOOK_QUEUE = 'webhooks';

/** A wake-up for one lane: its job only says "look at this lane", the rows say what to send. */
export interface LaneJobData {
  webhookId: string;
  resourceId: string;
}

/**
 * Lane jobs are wake-ups, so finished ones are dropped at once (a kept job would turn the next
 * wake-up with the same id into a no-op). Their ids are deterministic per cause — the first new
 * event, the retry of an attempt, the sweep of a stalled head — so a repeated add is harmless,
 * and two jobs of one lane are harmless too: only the holder of the head's lease sends.
 */
const OPTIONS = { removeOnComplete: true, removeOnFail: { age: 24 * 3600 }, attempts: 5, backoff: { type: 'exponential', delay: 200 } };

export function createWebhookQueue(connection: ConnectionOptions, prefix: string): Queue<LaneJobData> {
  return new Queue<LaneJobData>(WEBHOOK_QUEUE, { connection, prefix, defaultJobOptions: OPTIONS });
}

export const laneJobId = (lane: Lane, cause: string): string => `lane_${lane.webhookId}_${lane.resourceId}_${cause}`;

export async function wakeLanes(queue: Queue<LaneJobData>, lanes: readonly (Lane & { cause: string })[], delayMs = 0): Promise<void> {
  if (lanes.length === 0) return;
  await queue.addBulk(
    lanes.map((lane) => ({
      name: 'lane',
      data: { webhookId: lane.webhookId, resourceId: lane.resourceId },
      opts: { jobId: laneJobId(lane, lane.cause), ...(delayMs > 0 ? { delay: delayMs } : {}) },
    })),
  );
}
