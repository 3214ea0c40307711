import { Router, type Request, type Response } from 'express';
import { invalidArgument } from '../domain/errors';
import type { Webhook, WebhookDelivery, WebhookInput, WebhookService } from '../services/webhook-service';
import { customerIdOf } from './authenticate';
import { formatTime } from './voipbin-time';

const present = (webhook: Webhook, secret?: string) => ({
  id: webhook.id,
  customer_id: webhook.customerId,
  name: webhook.name,
  url: webhook.url,
  events: webhook.events.length ? webhook.events : ['*'],
  status: webhook.status,
  ...(secret ? { secret } : {}),
  tm_create: formatTime(webhook.tmCreate),
  tm_update: formatTime(webhook.tmUpdate),
});

const presentDelivery = (delivery: WebhookDelivery) => ({
  id: delivery.id,
  webhook_id: delivery.webhookId,
  event_id: delivery.eventId,
  event_type: delivery.eventType,
  resource_type: delivery.resourceType,
  resource_id: delivery.resourceId,
  sequence: delivery.sequence,
  status: delivery.status,
  http_code: delivery.httpCode ?? 0,
  attempts: delivery.attempts,
  last_attempt: formatTime(delivery.tmLastAttempt),
  error: delivery.error,
  tm_create: formatTime(delivery.tmCreate),
});

function inputFrom(body: unknown): WebhookInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidArgument('body', 'must be a JSON object');
  const { name, url, events, status, secret } = body as Record<string, unknown>;
  return { name, url, events, status, secret };
}

function pageSizeOf(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,4}$/.test(value)) throw invalidArgument('page_size', 'must be a whole number between 1 and 100');
  return Number(value);
}

/** `/v1.0/webhooks`: the caller's webhook endpoints; the secret is in the create answer only. */
export function createWebhooksRouter(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    const { webhook, secret } = await webhooks.create(customerIdOf(res), inputFrom(req.body ?? {}));
    res.json(present(webhook, secret));
  });
  router.get('/', async (_req: Request, res: Response) => {
    res.json({ result: (await webhooks.list(customerIdOf(res))).map((webhook) => present(webhook)), next_page_token: '' });
  });
  router.get('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await webhooks.get(customerIdOf(res), req.params.id)));
  });
  router.put('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await webhooks.update(customerIdOf(res), req.params.id, inputFrom(req.body ?? {}))));
  });
  router.delete('/:id', async (req: Request<{ id: string }>, res: Response) => {
    res.json(present(await webhooks.delete(customerIdOf(res), req.params.id)));
  });
  router.get('/:id/deliveries', async (req: Request<{ id: string }>, res: Response) => {
    const deliveries = await webhooks.deliveries(customerIdOf(res), req.params.id, { pageSize: pageSizeOf(req.query.page_size), beforeEventId: req.query.page_token });
    // As the call lists: a page with items names where the next starts; an empty page is the end.
    res.json({ result: deliveries.map(presentDelivery), next_page_token: deliveries.at(-1)?.eventId ?? '' });
  });
  return router;
}
