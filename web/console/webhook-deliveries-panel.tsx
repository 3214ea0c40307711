import { useEffect, useState } from 'react';
import type { Api } from './api';
import { timeOfDay } from './lifecycle';
import { DELIVERIES, WEBHOOKS } from './queries';
import { StatusBadge } from './status-badge';
import type { WebhookDelivery } from './types';

type Delivery = WebhookDelivery & { resourceId: string; webhookUrl: string };

/** Every webhook delivery of this call's events, across your webhooks; read again on every change of the call and every 1.5 s. */
export function WebhookDeliveriesPanel({ api, callId, version }: { api: Api; callId: string; version: number }) {
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [refresh, setRefresh] = useState(0);
  useEffect(() => {
    // Deliveries are made and settle after the events of the call, with no event of their own: read them again now and then.
    const timer = window.setInterval(() => setRefresh((count) => count + 1), 1500);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    let live = true;
    (async () => {
      const { webhooks } = await api.query<{ webhooks: { id: string; url: string }[] }>(WEBHOOKS);
      const lists = await Promise.all(
        webhooks.map(async (webhook) => {
          const { webhookDeliveries } = await api.query<{ webhookDeliveries: (WebhookDelivery & { resourceId: string })[] }>(DELIVERIES, { webhookId: webhook.id });
          return webhookDeliveries.filter((delivery) => delivery.resourceId === callId).map((delivery) => ({ ...delivery, webhookUrl: webhook.url }));
        }),
      );
      if (live) setDeliveries(lists.flat().sort((a, b) => a.sequence - b.sequence));
    })().catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, callId, version, refresh]);
  return (
    <section className="deliveries" aria-label="Webhook deliveries">
      <h2>Webhook deliveries</h2>
      {deliveries.length === 0 && <p className="empty">None (no webhook takes this call’s events).</p>}
      <table>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id}>
              <td>{delivery.eventType}</td>
              <td>{delivery.webhookUrl}</td>
              <td>
                <StatusBadge status={delivery.status} />
              </td>
              <td>
                {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
                {delivery.httpCode !== null && ` · HTTP ${delivery.httpCode}`}
              </td>
              <td>{delivery.lastAttemptAt && timeOfDay(delivery.lastAttemptAt)}</td>
              <td className="error">{delivery.error}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
