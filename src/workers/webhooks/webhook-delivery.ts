import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../../config';
import type { PrismaClient } from '../../platform/database';
import type { Logger } from '../../platform/logger';
import type { CallRepository } from '../../services/call-repository';
import type { RecordingService } from '../../services/recording-service';
import { createWebhookDeliveryRepository } from '../../services/webhook-delivery-repository';
import type { NewDeliveryLane } from '../outbox-dispatcher';
import { createWebhookData } from './webhook-data';
import { createWebhookLaneWorker, type LaneWorkerDeps } from './webhook-lane-worker';
import { createWebhookQueue, wakeLanes } from './webhook-queue';
import { startWebhookSweep } from './webhook-sweep';

/** The worker side of webhooks: the lane queue and its worker, and the sweep that backs them up. */
export function startWebhookDelivery(deps: { connection: ConnectionOptions; config: Config; prisma: PrismaClient; calls: CallRepository; recordings: Pick<RecordingService, 'downloadUrl'>; logger: Logger; countOutcome?: LaneWorkerDeps['countOutcome'] }) {
  const { config, logger } = deps;
  const settings = config.webhooks;
  const queue = createWebhookQueue(deps.connection, config.redisPrefix);
  const deliveries = createWebhookDeliveryRepository(deps.prisma);
  const worker = createWebhookLaneWorker({
    connection: deps.connection,
    prefix: config.redisPrefix,
    queue,
    deliveries,
    data: createWebhookData({ calls: deps.calls, recordings: deps.recordings }),
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
