import { Redis } from 'ioredis';

export type { Redis };

/**
 * BullMQ needs `maxRetriesPerRequest: null` on the connections its workers block on; the same
 * options suit the pub/sub connections, which must never give up while Redis restarts.
 */
export const connectRedis = (url: string, name: string): Redis =>
  new Redis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
