import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it. */
export interface Received {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { type: string; data: Record<string, unknown> & { id: string; status?: string } };
  deliveryId: string;
  /** What the receiver answered (0: it never answered). */
  answered: number;
}

/** How to answer the n-th request (1-based, counted per delivery id): a status, or hold it for `ms`. */
export type Answer = number | { holdMs: number; then: number };
export type Responder = (request: { path: string; body: Received['body']; deliveryId: string; attempt: number }) => Answer;

/**
 * A real HTTP webhook receiver on 127.0.0.1. It records every request in arrival order and
 * answers as the test says (200 unless told otherwise).
 */
export async function startReceiver(responder: Responder = () => 200) {
  const received: Received[] = [];
  const attempts = new Map<string, number>();
  let answer = responder;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const deliveryId = String(req.headers['x-voipbin-delivery-id'] ?? '');
      const attempt = (attempts.get(deliveryId) ?? 0) + 1;
      attempts.set(deliveryId, attempt);
      const body = JSON.parse(raw) as Received['body'];
      const entry: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, raw, body, deliveryId, answered: 0 };
      received.push(entry);
      const decision = answer({ path: entry.path, body, deliveryId, attempt });
      const reply = (status: number) => {
        entry.answered = status;
        if (!res.destroyed) res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      };
      if (typeof decision === 'number') reply(decision);
      else setTimeout(() => reply(decision.then), decision.holdMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    received,
    setResponder(next: Responder) {
      answer = next;
    },
    /** What the receiver handled (answered 2xx), each delivery once: what a deduping receiver keeps. */
    accepted(path?: string): Received[] {
      const seen = new Set<string>();
      return received.filter((entry) => {
        if ((path && entry.path !== path) || entry.answered < 200 || entry.answered >= 300 || seen.has(entry.deliveryId)) return false;
        seen.add(entry.deliveryId);
        return true;
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export const hmacHex = (secret: string, text: string): string => createHmac('sha256', secret).update(text, 'utf8').digest('hex');
