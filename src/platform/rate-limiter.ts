import type { Redis } from 'ioredis';
import { AppError } from '../domain/errors';

export interface RateLimit {
  windowMs: number;
  limit: number;
}

export interface RateLimiter {
  /** Counts one request of `subject`; throws RATE_LIMITED (with Retry-After) past the limit. */
  hit(subject: string, limit: RateLimit): void;
  /** Sends the counts now (the timer does it every `flushMs`). */
  flush(): Promise<void>;
  close(): void;
}

interface Count {
  window: number;
  windowMs: number;
  /** Requests of this process not yet added to the shared count. */
  unsent: number;
  /** Requests of this process being added right now (a flush in flight): still counted. */
  sending: number;
  /** The shared count across processes, as Redis last answered it. */
  shared: number;
}

/**
 * Fixed windows counted in Redis, so every API process shares one count per customer and IP.
 * A request is counted in memory and the increments go to Redis in one pipeline every
 * `flushMs`: no round trip on the request's path, at the price of letting several processes
 * overshoot a limit by what they let through within one flush interval.
 */
export function createRedisRateLimiter(redis: Redis, prefix: string, flushMs = 50): RateLimiter {
  const counts = new Map<string, Count>();

  async function flush(): Promise<void> {
    const now = Date.now();
    const batch = [...counts].filter(([, count]) => count.unsent > 0);
    for (const [key, count] of counts) if ((count.window + 1) * count.windowMs < now) counts.delete(key);
    if (batch.length === 0) return;
    const pipeline = redis.pipeline();
    for (const [key, count] of batch) pipeline.incrby(key, count.unsent).pexpire(key, count.windowMs * 2);
    const sent = batch.map(([, count]) => count.unsent);
    batch.forEach(([, count]) => {
      count.sending += count.unsent;
      count.unsent = 0;
    });
    const results = await pipeline.exec().catch(() => null);
    batch.forEach(([, count], index) => {
      const total = Number(results?.[index * 2]?.[1] ?? NaN);
      count.sending -= sent[index] as number;
      count.shared = Number.isFinite(total) ? Math.max(total, count.shared) : count.shared + (sent[index] as number);
    });
  }

  const timer = setInterval(() => void flush().catch(() => undefined), flushMs);
  timer.unref();

  return {
    hit(subject, { windowMs, limit }) {
      const window = Math.floor(Date.now() / windowMs);
      const key = `${prefix}:rate:${subject}:${window}`;
      let count = counts.get(key);
      if (!count) counts.set(key, (count = { window, windowMs, unsent: 0, sending: 0, shared: 0 }));
      if (count.shared + count.sending + count.unsent + 1 > limit) {
        const retryAfterMs = (window + 1) * windowMs - Date.now();
        throw new AppError('RATE_LIMITED', `Too many requests: at most ${limit} per ${windowMs} ms.`, undefined, Math.max(1, Math.ceil(retryAfterMs / 1000)));
      }
      count.unsent++;
    },
    flush,
    close: () => clearInterval(timer),
  };
}
