import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** Runs one statement built with Prisma.sql and answers its rows. */
export type SqlRunner = <T = Record<string, unknown>>(statement: Prisma.Sql) => Promise<T[]>;

/**
 * How many distinct statement texts are prepared by name. A connection keeps what it prepared for
 * its life, so the names are bounded: the call path has a few dozen texts, and a text made for a
 * list of a new length once the bound is reached (a groupcall of an unusual size) runs unnamed.
 */
export const MAX_PREPARED_TEXTS = 256;

/**
 * The statements of every call's path (its moves, reads by id, the access-key and route lookups) run
 * straight on the pool: Prisma's raw-query layer cost about a tenth of each process's CPU on
 * that path (bench/README.md). Rows come back as `pg` types them (int8 as a string, where Prisma
 * gives a bigint); the row mappers take either.
 *
 * Each text is a named prepared statement, so Postgres parses and plans it once per connection
 * instead of at every execution (the call path's statements are CTEs whose planning cost more
 * than their execution). A pooler in transaction mode (PgBouncer before 1.21) cannot carry named
 * statements: DATABASE_URL points at Postgres or at a pooler that tracks them.
 */
export function sqlOnPool(pool: Pool): SqlRunner {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || names.size >= MAX_PREPARED_TEXTS) return known;
    const name = `oc_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
    return name;
  };
  return async <T>(statement: Prisma.Sql) => {
    const name = nameOf(statement.text);
    return (await pool.query({ text: statement.text, values: statement.values, ...(name ? { name } : {}) })).rows as T[];
  };
}

/** The same through Prisma, for a repository built from a Prisma client alone (tests). */
export const sqlOnPrisma =
  (prisma: PrismaClient): SqlRunner =>
  <T>(statement: Prisma.Sql) =>
    prisma.$queryRaw<T[]>(statement);
