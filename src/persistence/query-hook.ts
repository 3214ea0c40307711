import type { Pool, PoolClient, QueryResult } from 'pg';

/** Marks the one outbox writer's SQL, so a commit that wrote events can be told from others. */
export const OUTBOX_MARK = '/* outbox */';

export interface QueryHooks {
  /** Told every statement that completed (its text): how tests count a request's queries. */
  onQuery(listener: (text: string) => void): () => void;
  /**
   * Told once a statement that wrote outbox events is committed: right after it when it ran
   * alone, at the COMMIT when it ran in a transaction (never for one that was rolled back).
   */
  onEventsCommitted(listener: () => void): void;
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Watches every statement of the pool's connections (each client's `query` is wrapped as the pool
 * makes it; Prisma's adapter and the product's own `pg` users all go through it). This replaces a
 * `pg_notify` in every change's statement: a NOTIFY costs the listening backend a transaction of
 * its own per wake-up, and the commit is known here anyway.
 */
export function hookQueries(pool: Pool): QueryHooks {
  const queryListeners = new Set<(text: string) => void>();
  const commitListeners: (() => void)[] = [];
  const eventsCommitted = () => {
    for (const listener of commitListeners) listener();
  };

  pool.on('connect', (client: PoolClient) => {
    const query = client.query as unknown as QueryFn;
    let inTransaction = false;
    let eventsPending = false;
    const completed = (text: string, result: QueryResult | undefined) => {
      for (const listener of queryListeners) listener(text);
      const head = text.trimStart().slice(0, 8).toUpperCase();
      if (head.startsWith('BEGIN')) inTransaction = true;
      else if (head.startsWith('COMMIT')) {
        inTransaction = false;
        if (eventsPending) eventsCommitted();
        eventsPending = false;
      } else if (head.startsWith('ROLLBACK')) {
        inTransaction = false;
        eventsPending = false;
      } else if (text.includes(OUTBOX_MARK) && (result?.rowCount ?? 1) > 0) {
        if (inTransaction) eventsPending = true;
        else eventsCommitted();
      }
    };
    (client as unknown as { query: QueryFn }).query = function (this: unknown, ...args: unknown[]) {
      const config = args[0] as string | { text?: string; submit?: unknown } | undefined;
      // A Submittable (a cursor, a stream) reports by events of its own: passed through.
      if (typeof config === 'object' && config !== null && typeof config.submit === 'function') return query.apply(this, args);
      const text = typeof config === 'string' ? config : (config?.text ?? '');
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === 'function') {
        args[last] = (error: unknown, result: QueryResult) => {
          if (!error) completed(text, result);
          (callback as (error: unknown, result: QueryResult) => void)(error, result);
        };
        return query.apply(this, args);
      }
      return (query.apply(this, args) as Promise<QueryResult>).then((result) => {
        completed(text, result);
        return result;
      });
    };
  });

  return {
    onQuery(listener) {
      queryListeners.add(listener);
      return () => queryListeners.delete(listener);
    },
    onEventsCommitted(listener) {
      commitListeners.push(listener);
    },
  };
}
