/** The stored event a webhook body is made from. */
export interface WebhookSource {
  customerId: string;
  resourceType: string;
  resourceId: string;
  payload: Record<string, unknown>;
}

/**
 * A webhook's `data`: the event's snapshot in the REST shape. The composition root hands in the
 * same presenter the topic socket uses (rest/event-data.presenter.ts), so both show the same
 * snapshot and the delivery worker knows no surface.
 */
export type WebhookData = (source: WebhookSource) => unknown;
