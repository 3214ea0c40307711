import type { PrismaClient } from '../persistence/database';
import { createWebhookDeliveryRepository } from '../persistence/webhook-delivery-repository';

export type { Claim, ClaimedDelivery, DeliveryResult, Lane } from '../persistence/webhook-delivery-repository';

/**
 * Webhook deliveries for the lane workers and the sweep: the rows are the truth (claims, leases,
 * results), so the delivery worker works through these and nothing else.
 */
export function createWebhookDeliveries(prisma: PrismaClient) {
  return createWebhookDeliveryRepository(prisma);
}

export type WebhookDeliveries = ReturnType<typeof createWebhookDeliveries>;
