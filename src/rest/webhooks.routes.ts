import { Router, type Request, type Response } from 'express';
import { invalidArgument } from '../domain/errors';
import type { Webhook, WebhookDelivery, WebhookInput, WebhookService } from '../services/webhook-service';
import { customerIdOf } from './authenticate';
import { dateCursorOf, listAnswer, listAnswerWith, pageRequestOf, pageSizeParamOf, pageTokenParamOf } from './paging';
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

/** `/v1.0/webhooks`: the caller's webhook endpoints; the secret is in the create answer only. */
export function createWebhooksRouter(webhooks: WebhookService): Router {
  const router = Router();
  router.post('/', async (req: Request, res: Response) => {
    const { webhook, secret } = await webhooks.create(customerIdOf(res), inputFrom(req.body ?? {}));
    res.json(present(webhook, secret));
  });
  router.get('/', async (req: Request, res: Response) => {
    const request = pageRequestOf(req);
    const page = await webhooks.list(customerIdOf(res), { pageSize: request.pageSize, after: dateCursorOf(request) });
    res.json(listAnswer(page.map((webhook) => present(webhook)), page.at(-1)?.tmCreate));
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
    // Deliveries follow their events' order: the token is the event_id of the page's last one.
    const deliveries = await webhooks.deliveries(customerIdOf(res), req.params.id, { pageSize: pageSizeParamOf(req), beforeEventId: pageTokenParamOf(req) });
    res.json(listAnswerWith(deliveries.map(presentDelivery), deliveries.at(-1)?.eventId ?? ''));
  });
  return router;
}
