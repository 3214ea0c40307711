import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Pool, PoolClient } from 'pg';

/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records them in
 * `_prisma_migrations` exactly as `prisma migrate deploy` does (same table, sha256 checksum), so
 * either tool can take over from the other. A Postgres advisory lock keeps concurrent starts apart.
 */
export async function applyMigrations(pool: Pool, schema: string, migrationsDir: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    // Lock first: processes starting together would otherwise race even on CREATE SCHEMA.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await ensureMigrationsTable(client);
      const applied = await appliedMigrations(client);
      const done: string[] = [];
      for (const name of await migrationNames(migrationsDir)) {
        const sql = await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
        const checksum = createHash('sha256').update(sql).digest('hex');
        const previous = applied.get(name);
        if (previous !== undefined) {
          if (previous !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
          continue;
        }
        await applyOne(client, name, sql, checksum);
        done.push(name);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`]);
    }
  } finally {
    client.release();
  }
}

async function ensureMigrationsTable(client: PoolClient): Promise<void> {
  await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
}

async function appliedMigrations(client: PoolClient): Promise<Map<string, string>> {
  const result = await client.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return new Map(result.rows.map((row) => [row.migration_name, row.checksum]));
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function applyOne(client: PoolClient, name: string, sql: string, checksum: string): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [id, checksum, name],
    );
    await client.query(sql);
    await client.query(
      'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(`Migration ${name} failed: ${(error as Error).message}`);
  }
}

/** prisma/migrations of the project, found from this file whether it runs from src/ or dist/src/. */
export function defaultMigrationsDir(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma', 'migrations');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('prisma/migrations not found');
}
