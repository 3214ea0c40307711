import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AppError, invalidArgument } from '../domain/errors';
import type { PrismaClient } from '../persistence/database';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface User {
  id: string;
  customerId: string;
  username: string;
  tmCreate: Date;
}

const USERNAME = /^[A-Za-z0-9._@-]{3,64}$/;
const MIN_PASSWORD = 8;
const MAX_PASSWORD = 128;
const BCRYPT_ROUNDS = 10;
const SELECT = { id: true, customerId: true, username: true, tmCreate: true } as const;

/** A customer's users: they log in with a password (bcrypt-hashed) at POST /auth/login. */
export function createUserService(prisma: PrismaClient) {
  async function owned(customerId: string, id: unknown): Promise<User> {
    const user = await prisma.user.findFirst({ where: { id: parseId(id, 'id'), customerId, tmDelete: null }, select: SELECT });
    if (!user) throw new AppError('USER_NOT_FOUND', 'The user was not found.');
    return user;
  }

  return {
    async create(customerId: string, input: { username?: unknown; password?: unknown }): Promise<User> {
      const { username, password } = input;
      if (typeof username !== 'string' || !USERNAME.test(username)) {
        throw invalidArgument('username', '3 to 64 letters, digits or . _ @ -');
      }
      if (typeof password !== 'string' || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
        throw invalidArgument('password', `must be ${MIN_PASSWORD} to ${MAX_PASSWORD} characters`);
      }
      if (await prisma.user.findUnique({ where: { username }, select: { id: true } })) {
        throw new AppError('ALREADY_EXISTS', 'username: is already taken.', 'username');
      }
      const passwordHash = await bcrypt.hash(password, BCRYPT_ROUNDS);
      return prisma.user.create({ data: { id: randomUUID(), customerId, username, passwordHash, tmCreate: new Date() }, select: SELECT });
    },

    list: (customerId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<User[]> =>
      prisma.user.findMany({ where: { customerId, tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize }),

    async delete(customerId: string, id: unknown): Promise<User> {
      const user = await owned(customerId, id);
      await prisma.user.update({ where: { id: user.id }, data: { tmDelete: new Date() } });
      return user;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
