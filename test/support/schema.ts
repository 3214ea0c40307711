import { randomBytes } from 'node:crypto';
import { connectDatabase, type Database } from '../../src/persistence/database';
import { ensureDatabase } from '../../src/platform/ensure-database';
import { applyMigrations, defaultMigrationsDir } from '../../src/platform/migrate';
import { TEST_DATABASE_URL } from './database-url';

/** A fresh, migrated Postgres schema of the test database, dropped by `drop()`. */
export async function freshSchema(prefix = 't'): Promise<Database & { drop(): Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(TEST_DATABASE_URL);
  const db = connectDatabase(TEST_DATABASE_URL, schema, 5);
  await applyMigrations(db.pool, schema, defaultMigrationsDir());
  return {
    ...db,
    async drop() {
      await db.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await db.close();
    },
  };
}
