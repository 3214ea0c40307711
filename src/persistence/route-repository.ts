import type { RouteCandidate } from '../domain/routing';
import type { PrismaClient } from './database';
import { Prisma } from '../generated/prisma/client';
import { sqlOnPrisma, type SqlRunner } from './sql';
import { NEWEST_FIRST, olderThan, type PageCursor } from '../services/page-cursor';

export interface ProviderRecord {
  id: string;
  type: string;
  hostname: string;
  techPrefix: string;
  techPostfix: string;
  techHeaders: Record<string, string>;
  /** Comma-separated codecs offered to the provider as written ("ulaw,alaw"); '' for the media server's own. */
  codecs: string;
  endpoint: string;
  name: string;
  detail: string;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

export interface RouteRecord {
  id: string;
  customerId: string | null;
  name: string;
  detail: string;
  providerId: string;
  priority: number;
  target: string;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

export type ProviderFields = Omit<ProviderRecord, 'id' | 'tmCreate' | 'tmUpdate' | 'tmDelete'>;
export type RouteFields = Omit<RouteRecord, 'id' | 'tmCreate' | 'tmUpdate' | 'tmDelete'>;

const LIVE = { tmDelete: null };

const provider = (row: Omit<ProviderRecord, 'techHeaders'> & { techHeaders: unknown }): ProviderRecord => ({ ...row, techHeaders: (row.techHeaders ?? {}) as Record<string, string> });

/**
 * Locks a live provider's row for the rest of the transaction (FOR KEY SHARE, which its deletion's
 * FOR UPDATE waits for); false when it is deleted, also by a deletion that committed meanwhile.
 */
const lockLiveProvider = async (tx: Pick<PrismaClient, '$queryRaw'>, id: string): Promise<boolean> =>
  (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM providers WHERE id = ${id}::uuid AND tm_delete IS NULL FOR KEY SHARE`).length > 0;

/**
 * Providers and routes (the platform administrator's), and the routes a call's plan is chosen
 * from: that lookup is on every outgoing call's path, so it runs through `sql` (straight on the
 * pool in the product, see sql.ts).
 */
export function createRouteRepository(prisma: PrismaClient, sql: SqlRunner = sqlOnPrisma(prisma)) {
  return {
    async insertProvider(id: string, fields: ProviderFields): Promise<ProviderRecord> {
      return provider(await prisma.provider.create({ data: { id, ...fields } }));
    },
    async findProvider(id: string): Promise<ProviderRecord | null> {
      const row = await prisma.provider.findFirst({ where: { id, ...LIVE } });
      return row ? provider(row) : null;
    },
    async listProviders(limit: number, after?: PageCursor): Promise<ProviderRecord[]> {
      const rows = await prisma.provider.findMany({ where: { ...LIVE, ...olderThan(after) }, orderBy: NEWEST_FIRST, take: limit });
      return rows.map(provider);
    },
    /** Changes a live provider in one statement; null when it is deleted, also by a deletion that committed meanwhile. */
    async updateProvider(id: string, fields: ProviderFields): Promise<ProviderRecord | null> {
      const [row] = await prisma.provider.updateManyAndReturn({ where: { id, ...LIVE }, data: { ...fields, tmUpdate: new Date() } });
      return row ? provider(row) : null;
    },
    /**
     * Deletes a provider no live route uses, answering the row as the deletion left it; null when a
     * route uses it (or it is gone). The row is locked first, so a route being made or moved to it (insertRoute, updateRoute) commits before
     * the check, which then sees it, or waits and finds the provider deleted.
     */
    async deleteUnusedProvider(id: string): Promise<ProviderRecord | null> {
      const now = new Date();
      const [, [row]] = await prisma.$transaction([
        prisma.$queryRaw`SELECT id FROM providers WHERE id = ${id}::uuid FOR UPDATE`,
        prisma.provider.updateManyAndReturn({ where: { id, ...LIVE, routes: { none: LIVE } }, data: { tmDelete: now, tmUpdate: now } }),
      ]);
      return row ? provider(row) : null;
    },

    /** Makes a route while its provider is live (never one on a provider being deleted); null when the provider is gone. */
    async insertRoute(id: string, fields: RouteFields): Promise<RouteRecord | null> {
      return prisma.$transaction(async (tx) => ((await lockLiveProvider(tx, fields.providerId)) ? tx.route.create({ data: { id, ...fields } }) : null));
    },
    async findRoute(id: string): Promise<RouteRecord | null> {
      return prisma.route.findFirst({ where: { id, ...LIVE } });
    },
    /** `customerId` undefined: every route; null: the default routes. */
    async listRoutes(limit: number, customerId: string | null | undefined, after?: PageCursor): Promise<RouteRecord[]> {
      return prisma.route.findMany({
        where: { ...LIVE, ...(customerId === undefined ? {} : { customerId }), ...olderThan(after) },
        orderBy: NEWEST_FIRST,
        take: limit,
      });
    },
    /**
     * Changes a live route while its provider is live, as insertRoute; which of the two is gone when
     * either is deleted, also by a deletion that committed meanwhile.
     */
    async updateRoute(id: string, fields: Omit<RouteFields, 'customerId'>): Promise<RouteRecord | 'provider deleted' | 'route deleted'> {
      return prisma.$transaction(async (tx) => {
        if (!(await lockLiveProvider(tx, fields.providerId))) return 'provider deleted';
        const [row] = await tx.route.updateManyAndReturn({ where: { id, ...LIVE }, data: { ...fields, tmUpdate: new Date() } });
        return row ?? 'route deleted';
      });
    },
    /** The route as its deletion left it (not as a later read finds it); null when it is gone. */
    async deleteRoute(id: string): Promise<RouteRecord | null> {
      const now = new Date();
      const [row] = await prisma.route.updateManyAndReturn({ where: { id, ...LIVE }, data: { tmDelete: now, tmUpdate: now } });
      return row ?? null;
    },

    /** The live routes a call of this customer may take (its own and the default ones), oldest first. */
    async candidatesFor(customerId: string): Promise<RouteCandidate[]> {
      const rows = await sql<{ customer_id: string | null; target: string; priority: number; provider_id: string; provider_name: string; endpoint: string; tech_headers: Record<string, string>; codecs: string }>(Prisma.sql`
        SELECT r.customer_id::text, r.target, r.priority, r.provider_id::text, p.name AS provider_name, p.endpoint, p.tech_headers, p.codecs
        FROM routes r JOIN providers p ON p.id = r.provider_id AND p.tm_delete IS NULL
        WHERE r.tm_delete IS NULL AND (r.customer_id = ${customerId}::uuid OR r.customer_id IS NULL)
        ORDER BY r.tm_create, r.id`);
      return rows.map((row) => ({
        customerId: row.customer_id,
        target: row.target,
        priority: row.priority,
        providerId: row.provider_id,
        providerName: row.provider_name,
        endpoint: row.endpoint,
        techHeaders: row.tech_headers ?? {},
        codecs: row.codecs,
      }));
    },
  };
}

export type RouteRepository = ReturnType<typeof createRouteRepository>;
