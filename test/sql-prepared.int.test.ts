import { Pool } from 'pg';
import { Prisma } from '../src/generated/prisma/client';
import { MAX_PREPARED_TEXTS, sqlOnPool } from '../src/persistence/sql';
import { TEST_DATABASE_URL } from './support/database-url';

/**
 * The call path's statements (sqlOnPool) are named prepared statements: Postgres parses and plans
 * each text once per connection. A connection keeps what it prepared, so the names are bounded.
 */
let pool: Pool;
beforeAll(() => {
  pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 1 }); // one connection: what it prepared is what the view shows
});
afterAll(async () => {
  await pool.end();
});

const preparedLike = async (pattern: RegExp): Promise<string[]> =>
  (await pool.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows.map((row) => row.statement).filter((statement) => pattern.test(statement));

it('prepares a text once on its connection and runs it again by name, with other values', async () => {
  const sql = sqlOnPool(pool);
  expect(await sql(Prisma.sql`SELECT ${1}::int AS answer`)).toEqual([{ answer: 1 }]);
  expect(await sql(Prisma.sql`SELECT ${2}::int AS answer`)).toEqual([{ answer: 2 }]);
  expect(await preparedLike(/AS answer/)).toHaveLength(1);
});

it(`names at most ${MAX_PREPARED_TEXTS} texts; one past the bound still runs, unnamed`, async () => {
  const sql = sqlOnPool(pool);
  for (let i = 0; i < MAX_PREPARED_TEXTS + 10; i++) await sql(Prisma.raw(`SELECT ${i} AS bounded`));
  expect(await sql(Prisma.raw(`SELECT ${MAX_PREPARED_TEXTS + 100} AS bounded`))).toEqual([{ bounded: MAX_PREPARED_TEXTS + 100 }]);
  expect(await preparedLike(/AS bounded/)).toHaveLength(MAX_PREPARED_TEXTS);
});
