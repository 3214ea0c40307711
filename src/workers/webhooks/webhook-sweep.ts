import type { Queue } from 'bullmq';
import type { Logger } from '../../platform/logger';
import { startPeriodicSweep } from '../../platform/periodic-sweep';
import type { WebhookDeliveries } from '../../services/webhook-deliveries';
import { wakeLanes, type LaneJobData } from './webhook-queue';

/**
 * The safety net: every `everyMs`, lanes whose head is due, unleased and untouched for a while
 * get a wake-up. It covers a crash between the dispatcher's commit and its enqueue, a lost
 * delayed retry, and a sender killed mid-attempt (once its lease runs out).
 */
export function startWebhookSweep(deps: { deliveries: WebhookDeliveries; queue: Queue<LaneJobData>; everyMs: number; logger: Logger }) {
  return startPeriodicSweep(deps.everyMs, deps.logger, 'webhook sweep failed', async () => {
    const lanes = await deps.deliveries.stalledLanes(deps.everyMs);
    // The id names the head and its attempt: sweeps of one stall are one job.
    await wakeLanes(deps.queue, lanes.map((lane) => ({ ...lane, cause: `sweep_${lane.headId}_${lane.attempts}` })));
    if (lanes.length) deps.logger.info({ lanes: lanes.length }, 'woke stalled webhook lanes');
  });
}
