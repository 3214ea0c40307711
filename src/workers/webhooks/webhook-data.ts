import { presentEventData } from '../../rest/event-data.presenter';
import type { RecordingService } from '../../services/recording-service';

/** The stored event a webhook body is made from. */
export interface WebhookSource {
  customerId: string;
  resourceType: string;
  resourceId: string;
  payload: Record<string, unknown>;
}

/**
 * A webhook's `data`: the event's snapshot in the REST shape, made by the same presenter as the
 * topic socket's (so both show the same snapshot, chained_call_ids included).
 */
export function createWebhookData(deps: { recordings: Pick<RecordingService, 'downloadUrl'> }) {
  // The download URL is signed when the body is first made, so it works for an hour from then.
  return async (source: WebhookSource): Promise<unknown> => presentEventData(source, deps.recordings);
}

export type WebhookData = ReturnType<typeof createWebhookData>;
