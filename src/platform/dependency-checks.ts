import type { Pool } from 'pg';
import type { Redis } from './redis';
import type { DependencyCheck } from './readiness';

export const postgresCheck = (pool: Pool): DependencyCheck => ({
  name: 'postgres',
  check: async () => {
    await pool.query('SELECT 1');
  },
});

/** A connection that is not ready would queue the PING until Redis is back: say so at once. */
export const redisCheck = (redis: Redis): DependencyCheck => ({
  name: 'redis',
  check: async () => {
    if (redis.status !== 'ready') throw new Error(`not connected (${redis.status})`);
    await redis.ping();
  },
});

/** Every media server answers ARI's ping, Asterisk and the simulator alike (with several, the first that does not is named). */
export const mediaServerCheck = (settings: () => readonly { url: string; username: string; password: string }[]): DependencyCheck => ({
  name: 'media_server',
  check: async () => {
    const servers = settings();
    await Promise.all(
      servers.map(async ({ url, username, password }) => {
        const response = await fetch(new URL('ari/asterisk/ping', url.endsWith('/') ? url : `${url}/`), {
          headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` },
          signal: AbortSignal.timeout(1500),
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(servers.length > 1 ? `ARI at ${url} answered ${response.status}` : `ARI answered ${response.status}`);
      }),
    );
  },
});
