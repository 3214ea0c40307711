import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TEST_DATABASE_URL } from '../../test/support/database-url';
import { ensureDatabase } from './ensure-database';

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('creating the database at start', () => {
  it('lets many processes create the same missing database at once', async () => {
    const name = `opencall_race_${randomBytes(4).toString('hex')}`;
    const url = new URL(TEST_DATABASE_URL);
    url.pathname = `/${name}`;
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, () => ensureDatabase(url.toString())));
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toEqual([]);
      const found = await admin((client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]));
      expect(found.rowCount).toBe(1);
    } finally {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}"`));
    }
  });
});
