import { invalidArgument } from './errors';
import { ASKABLE_NAMES, isAskableName, nameAskedFor } from './events/event-types';

/**
 * Webhook rules without I/O: which event names a webhook may ask for, which events it takes,
 * and what an attempt's outcome means for the delivery (retry, give up, done).
 */
export type WebhookStatus = 'active' | 'disabled';
export const WEBHOOK_STATUSES: readonly WebhookStatus[] = ['active', 'disabled'];

/** The names a webhook may ask for: every emitted event and VoIPBIN's aliases (events/event-types.ts). */
export const WEBHOOK_EVENT_TYPES: readonly string[] = ASKABLE_NAMES.map((entry) => entry.name);

/** The stored form of "every event": an empty list (`[]` or `["*"]` from a client). */
export const ALL_EVENTS: readonly string[] = [];
const MAX_EVENTS = WEBHOOK_EVENT_TYPES.length;

/** A client's `events`: a list of known names, `["*"]` or empty for all; duplicates dropped. */
export function parseWebhookEvents(value: unknown, field = 'events'): string[] {
  if (value === undefined || value === null) return [...ALL_EVENTS];
  if (!Array.isArray(value)) throw invalidArgument(field, 'must be a list of event names');
  if (value.length > MAX_EVENTS + 1) throw invalidArgument(field, `must hold at most ${MAX_EVENTS} names`);
  const names = new Set<string>();
  value.forEach((name: unknown, index) => {
    if (typeof name !== 'string') throw invalidArgument(`${field}[${index}]`, 'must be an event name');
    if (name !== '*' && !isAskableName(name)) throw invalidArgument(`${field}[${index}]`, `unknown event type '${name.slice(0, 64)}': not an event this product emits`);
    names.add(name);
  });
  if (names.has('*')) return [...ALL_EVENTS];
  return [...names];
}

export function parseWebhookStatus(value: unknown, field = 'status'): WebhookStatus {
  if (typeof value === 'string' && (WEBHOOK_STATUSES as readonly string[]).includes(value)) return value as WebhookStatus;
  throw invalidArgument(field, `must be one of ${WEBHOOK_STATUSES.join(', ')}`);
}

/** Whether a webhook asking for `events` takes an event of this type (of a resource now in `status`). */
export const takesEvent = (events: readonly string[], type: string, status?: string): boolean => nameAskedFor(events, type, status) !== null;

/** How an attempt ended: an HTTP answer, no answer at all (network error, timeout), or not sent. */
export type AttemptResult = { httpCode: number } | { error: string } | { refused: string };

export type AttemptOutcome =
  | { status: 'delivered' }
  | { status: 'failed'; reason: string }
  | { status: 'pending'; retryInMs: number; reason: string };

export interface RetryPolicy {
  /** Retries after the first attempt (3: up to four attempts in all). */
  maxRetries: number;
  /** The first retry's delay; each next one doubles it. */
  backoffMs: number;
}

/**
 * 2xx delivers; a refused target (internal address) and a 4xx (and a redirect, which is not followed) fails at once, the receiver said no;
 * a 5xx, network error or timeout is retried with exponential backoff until the retries run out.
 */
export function attemptOutcome(result: AttemptResult, attempts: number, policy: RetryPolicy): AttemptOutcome {
  if ('refused' in result) return { status: 'failed', reason: result.refused };
  if ('httpCode' in result) {
    if (result.httpCode >= 200 && result.httpCode < 300) return { status: 'delivered' };
    if (result.httpCode < 500) return { status: 'failed', reason: `the endpoint answered ${result.httpCode}` };
  }
  const reason = 'error' in result ? result.error : `the endpoint answered ${result.httpCode}`;
  if (attempts > policy.maxRetries) return { status: 'failed', reason: `${reason} (gave up after ${attempts} attempts)` };
  return { status: 'pending', retryInMs: policy.backoffMs * 2 ** (attempts - 1), reason };
}
