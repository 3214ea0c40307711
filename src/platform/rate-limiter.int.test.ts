import { randomBytes } from 'node:crypto';
import { connectRedis } from './redis';
import { createRedisRateLimiter } from './rate-limiter';

/** Two API processes (two limiters on one Redis prefix) share one count. */
const redis = connectRedis('redis://127.0.0.1:6379', 'rate-test');
const prefix = `test:${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  await redis.quit();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 150)); // a few flush intervals

it('refuses requests past the limit counted across processes, with a Retry-After', async () => {
  const limit = { windowMs: 3_600_000, limit: 6 };
  const a = createRedisRateLimiter(redis, prefix, 20);
  const b = createRedisRateLimiter(redis, prefix, 20);
  try {
    for (let i = 0; i < 5; i++) a.hit('customer:x', limit);
    await settle();
    b.hit('customer:x', limit); // the sixth request overall
    await settle();
    let refusal: unknown;
    try {
      b.hit('customer:x', limit);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'RATE_LIMITED' });
    expect((refusal as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    // A has not heard of B's request yet (the overshoot of one flush interval); after its next
    // flush it knows the shared count and refuses too.
    a.hit('customer:x', limit);
    await settle();
    expect(() => a.hit('customer:x', limit)).toThrow(/Too many requests/);
    expect(() => a.hit('customer:y', limit)).not.toThrow();
  } finally {
    a.close();
    b.close();
  }
});

it('still counts the requests of a flush in flight', async () => {
  const limit = { windowMs: 3_600_000, limit: 3 };
  const limiter = createRedisRateLimiter(redis, `${prefix}:in-flight`, 60_000);
  try {
    for (let i = 0; i < 3; i++) limiter.hit('customer:z', limit);
    const sending = limiter.flush(); // the increments are on their way to Redis, not yet answered
    expect(() => limiter.hit('customer:z', limit)).toThrow(/Too many requests/);
    await sending;
    expect(() => limiter.hit('customer:z', limit)).toThrow(/Too many requests/);
  } finally {
    limiter.close();
  }
});
