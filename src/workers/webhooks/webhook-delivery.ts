import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../../config';
import type { Logger } from '../../platform/logger';
import type { WebhookDeliveries } from '../../services/webhook-deliveries';
import type { NewDeliveryLane } from '../outbox-dispatcher';
import type { WebhookData } from './webhook-data';
import { createWebhookLaneWorker, type LaneWorkerDeps } from './webhook-lane-worker';
import { createWebhookQueue, wakeLanes } from './webhook-queue';
import { startWebhookSweep } from './webhook-sweep';

/** The worker side of webhooks: the lane queue and its worker, and the sweep that backs them up. */
export function startWebhookDelivery(deps: { connection: ConnectionOptions; config: Config; deliveries: WebhookDeliveries; data: WebhookData; logger: Logger; countOutcome?: LaneWorkerDeps['countOutcome'] }) {
  const { config, logger } = deps;
  const settings = config.webhooks;
  const queue = createWebhookQueue(deps.connection, config.redisPrefix);
  const { deliveries } = deps;
  const worker = createWebhookLaneWorker({
    connection: deps.connection,
    prefix: config.redisPrefix,
    queue,
    deliveries,
    data: deps.data,
    policy: { maxRetries: settings.maxRetries, backoffMs: settings.backoffMs },
    timeoutMs: settings.timeoutMs,
    allowPrivateTargets: settings.allowPrivateTargets,
    concurrency: settings.concurrency,
    logger,
    countOutcome: deps.countOutcome,
  });
  const sweep = startWebhookSweep({ deliveries, queue, everyMs: settings.sweepMs, logger });
  return {
    wakeLanes: (lanes: NewDeliveryLane[]) => wakeLanes(queue, lanes.map((lane) => ({ ...lane, cause: `event_${lane.firstEventId}` }))),
    async stop() {
      await sweep.stop();
      await worker.close();
      await queue.close();
    },
  };
}
