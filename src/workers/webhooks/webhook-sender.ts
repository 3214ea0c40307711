import http from 'node:http';
import https from 'node:https';
import type { AttemptResult } from '../../domain/webhook';
import { guardedLookup, hostOf, resolveTarget, TARGET_REFUSED, TARGET_REFUSED_MESSAGE } from '../../services/webhook-target';

export interface SendOptions {
  /** POST unless a customer's webhook_method says otherwise; the body is sent with any method. */
  method?: string;
  timeoutMs: number;
  allowPrivateTargets: boolean;
}

/**
 * Connections are kept open between deliveries (most go to a few hosts). Every new connection
 * goes through the guarded lookup; a kept one was checked when it was opened.
 */
const agents = { 'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }), 'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/** The attempt was refused before any byte left: the target is internal (not worth retrying). */
export const REFUSED: AttemptResult = { refused: TARGET_REFUSED_MESSAGE };

/**
 * One request (POST unless told otherwise). The whole attempt (DNS, connect, answer) is bounded by the timeout, so it never
 * outlives its lease; redirects are not followed (a redirect could lead inside); the host is
 * checked again here, as DNS may have changed since the webhook was saved, and the connection
 * goes to the addresses that were checked.
 */
export async function sendWebhook(target: string, body: string, headers: Record<string, string>, options: SendOptions): Promise<AttemptResult> {
  const url = new URL(target);
  const deadline = Date.now() + options.timeoutMs;
  const timedOut: AttemptResult = { error: `no answer within ${options.timeoutMs} ms` };
  try {
    // IP literals never reach `lookup`, so the guard runs here too; bounded like the rest of the attempt.
    if ((await within(resolveTarget(hostOf(url), options.allowPrivateTargets), options.timeoutMs)) === TIMED_OUT) return timedOut;
  } catch (error) {
    if (error instanceof Error && error.message === TARGET_REFUSED) return REFUSED;
    return { error: `cannot resolve ${url.hostname}: ${(error as Error).message}` };
  }
  const remainingMs = Math.max(1, deadline - Date.now());
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      url,
      { method: options.method ?? 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() }, lookup: guardedLookup(options.allowPrivateTargets) as never, agent: agents[url.protocol as 'http:' | 'https:'] },
      (response) => {
        response.resume(); // the answer's body is not used; drain it so the socket closes
        settle({ httpCode: response.statusCode ?? 0 });
      },
    );
    const timer = setTimeout(() => {
      settle(timedOut);
      request.destroy();
    }, remainingMs);
    request.on('error', (error) => settle(error.message === TARGET_REFUSED ? REFUSED : { error: error.message }));
    request.end(body);
  });
}

const TIMED_OUT = Symbol('timed out');

/** The promise's value, or TIMED_OUT when it takes longer than `ms` (the lease depends on this bound). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
