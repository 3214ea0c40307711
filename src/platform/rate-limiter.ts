import type { Redis } from 'ioredis';
import { AppError } from '../domain/errors';

export interface RateLimit {
  windowMs: number;
  limit: number;
}

export interface RateLimiter {
  /** Counts one request of `subject`; throws RATE_LIMITED (with Retry-After) past the limit. */
  hit(subject: string, limit: RateLimit): Promise<void>;
}

/**
 * Fixed windows counted in Redis, so every API process shares one count per customer and IP.
 * INCR and the window's expiry go in one round trip; the first request of a window sets it.
 */
export function createRedisRateLimiter(redis: Redis, prefix: string): RateLimiter {
  return {
    async hit(subject, { windowMs, limit }) {
      const window = Math.floor(Date.now() / windowMs);
      const key = `${prefix}:rate:${subject}:${window}`;
      const [[, count]] = (await redis.multi().incr(key).pexpire(key, windowMs * 2).exec()) as [[Error | null, number]];
      if (count > limit) {
        const retryAfterMs = (window + 1) * windowMs - Date.now();
        throw new AppError('RATE_LIMITED', `Too many requests: at most ${limit} per ${windowMs} ms.`, undefined, Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
    },
  };
}
