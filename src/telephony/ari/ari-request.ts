import type { AriClient } from 'ari-client';

/**
 * One bounded ARI request on the connected client (rejects when not connected or after the
 * adapter's request timeout). The adapter's verb groups (`*-verbs.ts`) are built on it.
 */
export type AriRequest = <T>(call: (ari: AriClient) => Promise<T>) => Promise<T>;
