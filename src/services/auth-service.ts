import { createHash, randomBytes, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { AppError } from '../domain/errors';
import type { PrismaClient } from '../persistence/database';
import { sqlOnPrisma, type SqlRunner } from '../persistence/sql';
import { createTtlMemo } from '../platform/ttl-memo';
import { Prisma } from '../generated/prisma/client';
import { looksLikeJwt, signJwt, verifyJwt } from '../platform/jwt';
import { isUuid } from './ids';

export interface Principal {
  customerId: string;
  /** The access key or the logged-in user behind the request. */
  credentialId: string;
}

/** The credentials behind a request, as GET /v1.0/me shows them. */
export interface Credential {
  kind: 'user' | 'accesskey';
  id: string;
  customerId: string;
  /** The user's login name; '' for an access key. */
  username: string;
  /** The user's login name, or the access key's name. */
  name: string;
  detail: string;
  /** The platform administrator's customer. */
  isAdmin: boolean;
  tmCreate: Date;
  tmUpdate: Date;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const generateAccessKey = (): string => randomBytes(24).toString('base64url');

/**
 * The first characters of a key, to tell keys apart in lists (VoIPBIN's token_prefix). A short
 * key chosen by an operator shows none: its prefix would give most of it away.
 */
export const tokenPrefixOf = (token: string): string => (token.length >= 24 ? token.slice(0, 8) : '');

const MAX_TOKEN_LENGTH = 2048;
const UNKNOWN_USER_HASH = bcrypt.hashSync('no user has this password', 10);

export interface AuthSettings {
  /** The key of the JWTs that /auth/login hands out (shared by every process). */
  jwtSecret: string;
  jwtTtlSeconds: number;
  /** How long an access key looked up is trusted (0: never). */
  cacheMs?: number;
}

/** Past this many keys trusted at once the oldest are forgotten. */
const KEY_MEMO_SIZE = 10_000;

const NOT_LOGGED_IN = () => new AppError('UNAUTHENTICATED', 'The username or password is not correct.');

export function createAuthService(prisma: PrismaClient, settings: AuthSettings, sql: SqlRunner = sqlOnPrisma(prisma)) {
  async function userPrincipal(token: string): Promise<Principal> {
    const claims = verifyJwt(token, settings.jwtSecret);
    if (!claims || !isUuid(claims.sub) || !isUuid(claims.cid)) throw new AppError('UNAUTHENTICATED', 'The token is not valid or has expired.');
    const [user] = await prisma.$queryRaw<{ id: string }[]>`
      SELECT u.id FROM users u JOIN customers c ON c.id = u.customer_id
      WHERE u.id = ${claims.sub}::uuid AND u.customer_id = ${claims.cid}::uuid AND u.tm_delete IS NULL AND c.tm_delete IS NULL`;
    if (!user) throw new AppError('UNAUTHENTICATED', 'The token is not valid or has expired.');
    return { customerId: claims.cid, credentialId: user.id };
  }

  /**
   * Access keys looked up lately, by hash: every request of a client carries the same key, and
   * looking it up was a fifth of a call's statements. Trusted for `cacheMs` and never past the
   * key's own expiry; a change to keys or customers in this process forgets them all at once.
   */
  const trusted = createTtlMemo<{ principal: Principal; expiresAt: number }>({
    ttlMs: settings.cacheMs ?? 0,
    until: (key) => key.expiresAt,
    maxKeys: KEY_MEMO_SIZE,
    lookup: async (hash) => {
      // Every request of every client comes through here: one indexed lookup, in plain SQL.
      const [key] = await sql<{ id: string; customer_id: string; tm_expire: Date | null }>(Prisma.sql`
        SELECT k.id, k.customer_id, k.tm_expire FROM access_keys k JOIN customers c ON c.id = k.customer_id
        WHERE k.token_hash = ${hash} AND k.tm_delete IS NULL AND c.tm_delete IS NULL
          AND (k.tm_expire IS NULL OR k.tm_expire > now())`);
      if (!key) throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
      return { principal: { customerId: key.customer_id, credentialId: key.id }, expiresAt: key.tm_expire?.getTime() ?? Infinity };
    },
  });

  return {
    /** Keys or customers changed: no key looked up before is trusted any longer. */
    forgetKeys(): void {
      trusted.forget();
    },

    /**
     * The customer behind an access key or a login JWT; 401 for a missing, unknown, expired or
     * deleted one.
     */
    async authenticate(token: string | null | undefined): Promise<Principal> {
      if (!token) throw new AppError('UNAUTHENTICATED', 'An access key is required (Authorization: Bearer, ?token= or ?accesskey=).');
      if (token.length > MAX_TOKEN_LENGTH) throw new AppError('UNAUTHENTICATED', 'The access key is not valid.');
      if (looksLikeJwt(token)) return userPrincipal(token);
      return (await trusted.get(hashToken(token))).principal;
    },

    /** Who a principal is: its user, or its access key. */
    async credential(principal: Principal): Promise<Credential> {
      const customer = await prisma.customer.findUnique({ where: { id: principal.customerId }, select: { isAdmin: true } });
      const isAdmin = customer?.isAdmin ?? false;
      const user = await prisma.user.findFirst({ where: { id: principal.credentialId, customerId: principal.customerId }, select: { id: true, username: true, tmCreate: true } });
      if (user) return { kind: 'user', id: user.id, customerId: principal.customerId, username: user.username, name: user.username, detail: '', isAdmin, tmCreate: user.tmCreate, tmUpdate: user.tmCreate };
      const key = await prisma.accessKey.findFirst({ where: { id: principal.credentialId, customerId: principal.customerId }, select: { id: true, name: true, detail: true, tmCreate: true, tmUpdate: true } });
      if (!key) throw new AppError('UNAUTHENTICATED', 'The credentials are no longer valid.');
      return { kind: 'accesskey', id: key.id, customerId: principal.customerId, username: '', name: key.name, detail: key.detail, isAdmin, tmCreate: key.tmCreate, tmUpdate: key.tmUpdate };
    },

    /** A JWT for a user's username and password; one answer for every kind of failure. */
    async login(username: unknown, password: unknown): Promise<{ token: string; expiresAt: Date }> {
      if (typeof username !== 'string' || typeof password !== 'string' || username.length > 255 || password.length > 1024) throw NOT_LOGGED_IN();
      const user = await prisma.user.findFirst({
        where: { username, tmDelete: null, customer: { tmDelete: null } },
        select: { id: true, customerId: true, passwordHash: true },
      });
      // Compare against a hash even for an unknown user, so timing does not tell usernames apart.
      const matches = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
      if (!user || !matches) throw NOT_LOGGED_IN();
      const token = signJwt({ sub: user.id, cid: user.customerId }, settings.jwtSecret, settings.jwtTtlSeconds);
      return { token, expiresAt: new Date(Date.now() + settings.jwtTtlSeconds * 1000) };
    },

    /** Creates a customer with one access key; the token is returned once and stored hashed. */
    async createCustomer(name: string, token = generateAccessKey()): Promise<{ customerId: string; token: string }> {
      const customerId = randomUUID();
      const now = new Date();
      await prisma.customer.create({
        data: {
          id: customerId,
          name,
          tmCreate: now, // millisecond precision, so a page token (a Date) sorts rows exactly
          tmUpdate: now,
          accessKeys: { create: { id: randomUUID(), name: 'initial', tokenHash: hashToken(token), tokenPrefix: tokenPrefixOf(token) } },
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
        // Keyed by schema: deployments (and test files) that share one Postgres database in
        // different schemas must not queue behind each other's start.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('opencall:bootstrap:' || current_schema()))`;
        if ((await tx.customer.count()) > 0) return false;
        await tx.customer.create({
          data: { id: customerId, name: 'bootstrap', isAdmin: true, accessKeys: { create: { id: randomUUID(), name: 'bootstrap', tokenHash: hashToken(token), tokenPrefix: tokenPrefixOf(token) } } },
        });
        return true;
      });
      return created ? { customerId, token, generated: accessKey === undefined } : null;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
