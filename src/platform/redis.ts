import { Redis } from 'ioredis';

export type { Redis };

/**
 * BullMQ needs `maxRetriesPerRequest: null` on the connections its workers block on; the same
 * options suit the pub/sub connections, which must never give up while Redis restarts.
 */
export const connectRedis = (url: string, name: string): Redis =>
  new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });

/** Resolves once the connection is ready; rejects with its first error (a start that cannot reach Redis). */
export function whenReady(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const ready = () => (redis.off('error', failed), resolve());
    const failed = (error: unknown) => (redis.off('ready', ready), reject(error));
    redis.once('ready', ready);
    redis.once('error', failed);
  });
}

/** QUIT waits for Redis (commands queue while it is away): a connection that is not up is just dropped. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
}
