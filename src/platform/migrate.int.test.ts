import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { freshSchema } from '../../test/support/schema';
import { applyMigrations, defaultMigrationsDir } from './migrate';

describe('the migration runner', () => {
  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const db = await freshSchema('mig');
    try {
      const rows = await db.pool.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      const dir = defaultMigrationsDir();
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const row of rows.rows) {
        const sql = await readFile(path.join(dir, row.migration_name, 'migration.sql'), 'utf8');
        expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
        expect(row.finished_at).not.toBeNull();
      }
      expect(await applyMigrations(db.pool, db.schema, dir)).toEqual([]);
      const tables = await db.pool.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
        [db.schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['_prisma_migrations', 'access_keys', 'calls', 'customers', 'events', 'flows']),
      );
    } finally {
      await db.drop();
    }
  });

  it('refuses to go on when an applied migration was edited afterwards', async () => {
    const db = await freshSchema('mig');
    try {
      await db.pool.query('UPDATE "_prisma_migrations" SET checksum = $1', ['0'.repeat(64)]);
      await expect(applyMigrations(db.pool, db.schema, defaultMigrationsDir())).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await db.drop();
    }
  });
});
