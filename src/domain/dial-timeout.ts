import { invalidArgument } from './errors';

/** The documentation's default ring time before the product gives up with reason `dialout`. */
export const DEFAULT_DIAL_TIMEOUT_MS = 30_000;
export const MIN_DIAL_TIMEOUT_MS = 1_000;
export const MAX_DIAL_TIMEOUT_MS = 600_000;

export function resolveDialTimeout(requested: unknown, field = 'dial_timeout'): number {
  if (requested === undefined || requested === null) return DEFAULT_DIAL_TIMEOUT_MS;
  if (typeof requested !== 'number' || !Number.isInteger(requested)) {
    throw invalidArgument(field, 'must be a whole number of milliseconds');
  }
  if (requested < MIN_DIAL_TIMEOUT_MS || requested > MAX_DIAL_TIMEOUT_MS) {
    throw invalidArgument(field, `must be between ${MIN_DIAL_TIMEOUT_MS} and ${MAX_DIAL_TIMEOUT_MS} ms`);
  }
  return requested;
}

/**
 * The timeout handed to the media server's own dial: a safety net a little after the product's
 * own dial timeout, which is the one that decides (it ends the call with reason `dialout`).
 */
export const mediaDialTimeoutSeconds = (dialTimeoutMs: number): number => Math.ceil(dialTimeoutMs / 1000) + 5;
