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
      // Every request of every client comes through here: one indexed lookup, in plain SQL.
      const [key] = await prisma.$queryRaw<{ id: string; customer_id: string }[]>`
        SELECT k.id, k.customer_id FROM access_keys k JOIN customers c ON c.id = k.customer_id
        WHERE k.token_hash = ${hashToken(token)} AND k.tm_delete IS NULL AND c.tm_delete IS NULL
          AND (k.tm_expire IS NULL OR k.tm_expire > now())`;
      if (!key) throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
      return { customerId: key.customer_id, accessKeyId: key.id };
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

    /**
     * On an empty database: the first customer, whose key is the given one or a new one. API
     * and worker processes may start together: an advisory lock lets exactly one create it.
     */
    async bootstrap(accessKey: string | undefined): Promise<{ customerId: string; token: string; generated: boolean } | null> {
      const token = accessKey ?? generateAccessKey();
      const customerId = randomUUID();
      const created = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('opencall:bootstrap'))`;
        if ((await tx.customer.count()) > 0) return false;
        await tx.customer.create({
          data: { id: customerId, name: 'bootstrap', isAdmin: true, accessKeys: { create: { id: randomUUID(), name: 'bootstrap', tokenHash: hashToken(token) } } },
        });
        return true;
      });
      return created ? { customerId, token, generated: accessKey === undefined } : null;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
