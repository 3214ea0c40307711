import { Worker, type ConnectionOptions, type Job, type Queue } from 'bullmq';
import { attemptOutcome, type RetryPolicy } from '../../domain/webhook';
import type { Logger } from '../../platform/logger';
import type { Claim, ClaimedDelivery, DeliveryResult, Lane, WebhookDeliveries } from '../../services/webhook-deliveries';
import type { WebhookData } from './webhook-data';
import { sendWebhook } from './webhook-sender';
import { signatureHeaders } from './webhook-signature';
import { WEBHOOK_QUEUE, wakeLanes, type LaneJobData } from './webhook-queue';
import { logWorkerErrors } from '../worker-errors';

const retryCause = (deliveryId: string, attempts: number) => `retry_${deliveryId}_${attempts}`;

export interface LaneWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  queue: Queue<LaneJobData>;
  deliveries: WebhookDeliveries;
  data: WebhookData;
  policy: RetryPolicy;
  timeoutMs: number;
  allowPrivateTargets: boolean;
  concurrency: number;
  logger: Logger;
  /** Told how every attempt ended: delivered, pending (a retry follows), failed (given up), canceled. */
  countOutcome?: (status: DeliveryResult['status']) => void;
}

/**
 * Sends one lane's deliveries in sequence order: claim the head, send it, record the outcome,
 * go on with the next head. A retry due later ends the job with a delayed wake-up, so the lane
 * waits (later events of that resource stay behind it) without holding a worker slot.
 */
export function createWebhookLaneWorker(deps: LaneWorkerDeps): Worker<LaneJobData> {
  const { deliveries, logger } = deps;
  // Longer than any attempt can take: a lease that runs out means its sender died.
  const leaseMs = deps.timeoutMs * 2 + 1000;

  async function bodyOf(delivery: ClaimedDelivery): Promise<string> {
    if (delivery.body !== null) return delivery.body; // every retry sends the bytes of the first attempt
    const data = await deps.data(delivery);
    return JSON.stringify({ type: delivery.eventType, data });
  }

  async function attempt(delivery: ClaimedDelivery): Promise<DeliveryResult> {
    const result = await send(delivery);
    deps.countOutcome?.(result.status);
    return result;
  }

  /** Sends one claimed delivery and says how it ended (recording it is the caller's part). */
  async function send(delivery: ClaimedDelivery): Promise<DeliveryResult> {
    if (!delivery.webhookLive) return { status: 'canceled', httpCode: null, error: 'the webhook is disabled or deleted', body: null, retryInMs: 0 };
    let body: string;
    try {
      body = await bodyOf(delivery);
    } catch (error) {
      // A payload that cannot be rendered never will be: fail it rather than block the lane.
      logger.error({ err: error, delivery: delivery.id }, 'cannot render a webhook body');
      return { status: 'failed', httpCode: null, error: 'the event could not be rendered', body: null, retryInMs: 0 };
    }
    const headers = signatureHeaders(delivery.secret, body, delivery.id, delivery.eventType, Date.now());
    const result = await sendWebhook(delivery.url, body, headers, { method: delivery.method, timeoutMs: deps.timeoutMs, allowPrivateTargets: deps.allowPrivateTargets });
    const outcome = attemptOutcome(result, delivery.attempts, deps.policy);
    if (outcome.status === 'failed') {
      // Given up: the receiver never gets this event, which its owner must hear about.
      logger.warn({ delivery: delivery.id, webhookId: delivery.webhookId, url: delivery.url, event: delivery.eventType, attempts: delivery.attempts, reason: outcome.reason }, `webhook delivery gave up after ${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}: ${outcome.reason.replace(/ \(gave up after \d+ attempts\)$/, '')}`);
    } else if (outcome.status === 'pending') {
      logger.debug({ delivery: delivery.id, attempt: delivery.attempts, outcome }, 'webhook attempt did not deliver; retrying');
    }
    return {
      status: outcome.status,
      httpCode: 'httpCode' in result ? result.httpCode : null,
      error: outcome.status === 'delivered' ? '' : outcome.reason,
      body,
      retryInMs: outcome.status === 'pending' ? outcome.retryInMs : 0,
    };
  }

  async function runLane(lane: Lane): Promise<void> {
    let claim: Claim = await deliveries.claimHead(lane, leaseMs);
    for (;;) {
      if (claim.kind === 'empty' || claim.kind === 'busy') return; // nothing to do, or its holder goes on
      if (claim.kind === 'later') {
        // The same id as the wake-up queued when that attempt failed: while it waits, this is a no-op.
        const delay = Math.max(claim.dueInMs, 10); // never a tight loop on a head that cannot be claimed
        await wakeLanes(deps.queue, [{ ...lane, cause: retryCause(claim.headId, claim.attempts) }], delay);
        return;
      }
      const { delivery } = claim;
      const result = await attempt(delivery);
      if (result.status === 'pending') {
        await deliveries.finish(delivery.id, delivery.attempts, result);
        await wakeLanes(deps.queue, [{ ...lane, cause: retryCause(delivery.id, delivery.attempts) }], result.retryInMs);
        return;
      }
      claim = await deliveries.finishAndClaimNext(lane, { id: delivery.id, attempt: delivery.attempts, result }, leaseMs);
    }
  }

  const worker = new Worker<LaneJobData>(WEBHOOK_QUEUE, (job: Job<LaneJobData>) => runLane(job.data), {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency,
  });
  worker.on('failed', (job, error) => logger.warn({ err: error, job: job?.id }, 'webhook lane job failed; BullMQ retries it'));
  logWorkerErrors(worker, logger, 'webhook worker');
  return worker;
}
