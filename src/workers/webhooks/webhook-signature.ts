import { createHmac } from 'node:crypto';

/**
 * The headers a receiver checks. Two signatures, with the webhook's secret as HMAC-SHA256 key:
 * - `X-VoIPBIN-Signature: sha256=<hex HMAC(body)>` — VoIPBIN's form, unchanged, so receivers
 *   written for VoIPBIN keep working;
 * - `X-VoIPBIN-Signature-Timestamped: sha256=<hex HMAC("<timestamp>.<body>")>` with
 *   `X-VoIPBIN-Timestamp: <unix seconds of this attempt>` — the timestamp is inside what is
 *   signed, so a receiver that refuses old timestamps is safe from replays.
 * `X-VoIPBIN-Delivery-Id` is the same on every attempt of a delivery: receivers drop duplicates by it.
 */
export function signatureHeaders(secret: string, body: string, deliveryId: string, eventType: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000).toString();
  const hmac = (text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
  return {
    'content-type': 'application/json',
    'user-agent': 'OpenCall-Webhooks/1',
    'x-voipbin-delivery-id': deliveryId,
    'x-voipbin-event': eventType,
    'x-voipbin-timestamp': timestamp,
    'x-voipbin-signature': `sha256=${hmac(body)}`,
    'x-voipbin-signature-timestamped': `sha256=${hmac(`${timestamp}.${body}`)}`,
  };
}
