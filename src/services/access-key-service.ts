import { randomUUID } from 'node:crypto';
import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import type { PrismaClient } from '../persistence/database';
import { generateAccessKey, hashToken } from './auth-service';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface AccessKey {
  id: string;
  customerId: string;
  name: string;
  tmCreate: Date;
  tmExpire: Date | null;
}

export interface CreateAccessKeyInput {
  name?: unknown;
  /** Seconds until the key stops working; none: it works until expired or deleted. */
  expireSeconds?: unknown;
}

const MAX_NAME = 255;
const MAX_EXPIRE_SECONDS = 10 * 365 * 24 * 3600;
const SELECT = { id: true, customerId: true, name: true, tmCreate: true, tmExpire: true } as const;

/** A customer's access keys: stored as hashes, the token shown once at creation. */
export function createAccessKeyService(prisma: PrismaClient) {
  async function owned(customerId: string, id: unknown): Promise<AccessKey> {
    const key = await prisma.accessKey.findFirst({ where: { id: parseId(id, 'id'), customerId, tmDelete: null }, select: SELECT });
    if (!key) throw new AppError('ACCESS_KEY_NOT_FOUND', 'The access key was not found.');
    return key;
  }

  return {
    async create(customerId: string, input: CreateAccessKeyInput): Promise<{ accessKey: AccessKey; token: string }> {
      const name = parseText(input.name, 'name', MAX_NAME);
      const seconds = input.expireSeconds;
      if (seconds !== undefined && seconds !== null && (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRE_SECONDS)) {
        throw invalidArgument('expire', `must be a whole number of seconds between 1 and ${MAX_EXPIRE_SECONDS}`);
      }
      const token = generateAccessKey();
      const accessKey = await prisma.accessKey.create({
        data: {
          id: randomUUID(),
          customerId,
          name,
          tokenHash: hashToken(token),
          tmCreate: new Date(), // millisecond precision, so a page token (a Date) sorts rows exactly
          tmExpire: typeof seconds === 'number' ? new Date(Date.now() + seconds * 1000) : null,
        },
        select: SELECT,
      });
      return { accessKey, token };
    },

    list: (customerId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<AccessKey[]> =>
      prisma.accessKey.findMany({ where: { customerId, tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize }),

    get: owned,

    /** Stops a key working from now on; it stays listed, with its expiry. */
    async expire(customerId: string, id: unknown): Promise<AccessKey> {
      const key = await owned(customerId, id);
      return prisma.accessKey.update({ where: { id: key.id }, data: { tmExpire: new Date() }, select: SELECT });
    },

    async delete(customerId: string, id: unknown): Promise<AccessKey> {
      const key = await owned(customerId, id);
      await prisma.accessKey.update({ where: { id: key.id }, data: { tmDelete: new Date() } });
      return key;
    },
  };
}

export type AccessKeyService = ReturnType<typeof createAccessKeyService>;
