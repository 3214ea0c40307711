import { randomUUID } from 'node:crypto';
import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import type { PrismaClient } from '../persistence/database';
import { generateAccessKey, hashToken, tokenPrefixOf } from './auth-service';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface AccessKey {
  id: string;
  customerId: string;
  name: string;
  detail: string;
  tokenPrefix: string;
  tmCreate: Date;
  tmUpdate: Date;
  tmExpire: Date | null;
}

export interface CreateAccessKeyInput {
  name?: unknown;
  detail?: unknown;
  /** Seconds until the key stops working; none: it works until expired or deleted. */
  expireSeconds?: unknown;
}

const MAX_NAME = 255;
const MAX_DETAIL = 2000;
const MAX_EXPIRE_SECONDS = 10 * 365 * 24 * 3600;
const SELECT = { id: true, customerId: true, name: true, detail: true, tokenPrefix: true, tmCreate: true, tmUpdate: true, tmExpire: true } as const;

/** A customer's access keys: stored as hashes, the token shown once at creation. */
/** `keysChanged`: told when a key stops working, so no process-local trust outlives it (auth-service). */
export function createAccessKeyService(prisma: PrismaClient, keysChanged: () => void = () => undefined) {
  async function owned(customerId: string, id: unknown): Promise<AccessKey> {
    const key = await prisma.accessKey.findFirst({ where: { id: parseId(id, 'id'), customerId, tmDelete: null }, select: SELECT });
    if (!key) throw new AppError('ACCESS_KEY_NOT_FOUND', 'The access key was not found.');
    return key;
  }

  return {
    async create(customerId: string, input: CreateAccessKeyInput): Promise<{ accessKey: AccessKey; token: string }> {
      const name = parseText(input.name, 'name', MAX_NAME);
      const detail = parseText(input.detail, 'detail', MAX_DETAIL);
      const seconds = input.expireSeconds;
      if (seconds !== undefined && seconds !== null && (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXPIRE_SECONDS)) {
        throw invalidArgument('expire', `must be a whole number of seconds between 1 and ${MAX_EXPIRE_SECONDS}`);
      }
      const token = generateAccessKey();
      const now = new Date();
      const accessKey = await prisma.accessKey.create({
        data: {
          id: randomUUID(),
          customerId,
          name,
          detail,
          tokenHash: hashToken(token),
          tokenPrefix: tokenPrefixOf(token),
          tmCreate: now, // millisecond precision, so a page token (a Date) sorts rows exactly
          tmUpdate: now,
          tmExpire: typeof seconds === 'number' ? new Date(Date.now() + seconds * 1000) : null,
        },
        select: SELECT,
      });
      return { accessKey, token };
    },

    list: (customerId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<AccessKey[]> =>
      prisma.accessKey.findMany({ where: { customerId, tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize }),

    get: owned,

    /** Changes its name and details (VoIPBIN's PUT): the fields given. */
    async update(customerId: string, id: unknown, input: { name?: unknown; detail?: unknown }): Promise<AccessKey> {
      const key = await owned(customerId, id);
      const data = {
        ...(input.name !== undefined ? { name: parseText(input.name, 'name', MAX_NAME) } : {}),
        ...(input.detail !== undefined ? { detail: parseText(input.detail, 'detail', MAX_DETAIL) } : {}),
      };
      return prisma.accessKey.update({ where: { id: key.id }, data: { ...data, tmUpdate: new Date() }, select: SELECT });
    },

    /** Stops a key working from now on; it stays listed, with its expiry. */
    async expire(customerId: string, id: unknown): Promise<AccessKey> {
      const key = await owned(customerId, id);
      const now = new Date();
      const expired = await prisma.accessKey.update({ where: { id: key.id }, data: { tmExpire: now, tmUpdate: now }, select: SELECT });
      keysChanged();
      return expired;
    },

    async delete(customerId: string, id: unknown): Promise<AccessKey> {
      const key = await owned(customerId, id);
      await prisma.accessKey.update({ where: { id: key.id }, data: { tmDelete: new Date() } });
      keysChanged();
      return key;
    },
  };
}

export type AccessKeyService = ReturnType<typeof createAccessKeyService>;
