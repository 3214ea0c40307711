import { Client } from 'pg';

const CREATED_MEANWHILE = new Set(['42P04', '23505']);

/** Creates the database named in `url` when it does not exist yet (a newcomer's first start). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres') return;
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // Created meanwhile by another process: 42P04 once it committed, 23505 while both were at it.
        if (!CREATED_MEANWHILE.has(error.code ?? '')) throw error;
      });
    }
  } finally {
    await client.end();
  }
}
