import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { hookQueries, type QueryHooks } from './query-hook';

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  /** The same pool Prisma uses, for LISTEN and the migration runner. */
  pool: Pool;
  schema: string;
  /** Every statement of the pool, and the commits that wrote outbox events. */
  hooks: QueryHooks;
  close(): Promise<void>;
}

/** One pool per process; every connection's search_path is the configured schema. */
export function connectDatabase(url: string, schema: string, maxConnections = 20): Database {
  const pool = new Pool({
    connectionString: url,
    max: maxConnections,
    options: `-c search_path=${schema}`,
  });
  // An idle connection that breaks (a Postgres restart) is dropped from the pool; without a
  // listener the pool's 'error' event would end the process.
  pool.on('error', () => undefined);
  const hooks = hookQueries(pool); // before any connection is made
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
  return {
    prisma,
    pool,
    schema,
    hooks,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
