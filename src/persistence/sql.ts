import type { Pool } from 'pg';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

/** Runs one statement built with Prisma.sql and answers its rows. */
export type SqlRunner = <T = Record<string, unknown>>(statement: Prisma.Sql) => Promise<T[]>;

/**
 * The statements of every call's path (its moves, reads by id, the access-key and route lookups) run
 * straight on the pool: Prisma's raw-query layer cost about a tenth of each process's CPU on
 * that path (bench/README.md). Rows come back as `pg` types them (int8 as a string, where Prisma
 * gives a bigint); the row mappers take either.
 */
export const sqlOnPool =
  (pool: Pool): SqlRunner =>
  async <T>(statement: Prisma.Sql) =>
    (await pool.query({ text: statement.text, values: statement.values })).rows as T[];

/** The same through Prisma, for a repository built from a Prisma client alone (tests). */
export const sqlOnPrisma =
  (prisma: PrismaClient): SqlRunner =>
  <T>(statement: Prisma.Sql) =>
    prisma.$queryRaw<T[]>(statement);
