import { loadConfig } from '../config';
import { connectDatabase } from '../persistence/database';
import { ensureDatabase } from './ensure-database';
import { applyMigrations, defaultMigrationsDir } from './migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensureDatabase(config.databaseUrl);
  const db = connectDatabase(config.databaseUrl, config.databaseSchema, 2);
  try {
    const applied = await applyMigrations(db.pool, config.databaseSchema, defaultMigrationsDir());
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
