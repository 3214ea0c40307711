import { restCall } from './rest-client';

export interface Delivery {
  id: string;
  event_id: string;
  event_type: string;
  resource_id: string;
  sequence: number;
  status: string;
  http_code: number;
  attempts: number;
  error: string;
}

/** Every delivery of a webhook, following next_page_token until an empty page. */
export async function allDeliveries(baseUrl: string, token: string, webhookId: string): Promise<Delivery[]> {
  const all: Delivery[] = [];
  for (let pageToken = ''; ; ) {
    const answer = await restCall(baseUrl, token, 'GET', `/webhooks/${webhookId}/deliveries?page_size=100${pageToken ? `&page_token=${pageToken}` : ''}`);
    const page = answer.body.result as Delivery[];
    if (!page.length) return all;
    all.push(...page);
    pageToken = answer.body.next_page_token as string;
  }
}
