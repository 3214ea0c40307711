import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { AppError } from '../domain/errors';
import type { PrismaClient } from '../platform/database';

export interface Principal {
  customerId: string;
  accessKeyId: string;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const generateAccessKey = (): string => randomBytes(24).toString('base64url');

const MAX_TOKEN_LENGTH = 512;

export function createAuthService(prisma: PrismaClient) {
  return {
    /** The customer behind an access key; 401 for a missing, unknown, expired or deleted one. */
    async authenticate(token: string | null | undefined): Promise<Principal> {
      if (!token) throw new AppError('UNAUTHENTICATED', 'An access key is required (Authorization: Bearer, ?token= or ?accesskey=).');
      if (token.length > MAX_TOKEN_LENGTH) throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
      const key = await prisma.accessKey.findUnique({
        where: { tokenHash: hashToken(token) },
        select: { id: true, customerId: true, tmExpire: true, tmDelete: true, customer: { select: { tmDelete: true } } },
      });
      const now = new Date();
      if (!key || key.tmDelete || key.customer.tmDelete || (key.tmExpire && key.tmExpire <= now)) {
        throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
      }
      return { customerId: key.customerId, accessKeyId: key.id };
    },

    /** Creates a customer with one access key; the token is returned once and stored hashed. */
    async createCustomer(name: string, token = generateAccessKey()): Promise<{ customerId: string; token: string }> {
      const customerId = randomUUID();
      await prisma.customer.create({
        data: {
          id: customerId,
          name,
          accessKeys: { create: { id: randomUUID(), name: 'initial', tokenHash: hashToken(token) } },
        },
      });
      return { customerId, token };
    },

    /** On an empty database: the first customer, whose key is the given one or a new one. */
    async bootstrap(accessKey: string | undefined): Promise<{ customerId: string; token: string; generated: boolean } | null> {
      if ((await prisma.customer.count()) > 0) return null;
      const created = await this.createCustomer('bootstrap', accessKey ?? generateAccessKey());
      return { ...created, generated: accessKey === undefined };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
