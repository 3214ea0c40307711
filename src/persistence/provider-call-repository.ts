import type { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from './database';
import { NEWEST_FIRST, olderThan, type PageCursor } from '../services/page-cursor';

/** A provider call's record: what the administrator asked for and the calls it made. */
export interface ProviderCallRecord {
  id: string;
  customerId: string;
  providerId: string;
  flowId: string | null;
  /** Stored addresses (src/services/call-row.ts), as the calls keep them. */
  source: unknown;
  destinations: unknown[];
  anonymous: string;
  callIds: string[];
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

export type NewProviderCall = Omit<ProviderCallRecord, 'tmCreate' | 'tmUpdate' | 'tmDelete'>;

const LIVE = { tmDelete: null };

const record = (row: Omit<ProviderCallRecord, 'destinations'> & { destinations: unknown }): ProviderCallRecord => ({ ...row, destinations: row.destinations as unknown[] });

/** Provider calls (the platform administrator's audit records of /v1.0/providercalls). */
export function createProviderCallRepository(prisma: PrismaClient) {
  return {
    /** The insert, as a statement of the transaction that inserts its calls (src/services/create-calls.ts). */
    insertStatement(call: NewProviderCall): Prisma.PrismaPromise<unknown> {
      return prisma.providerCall.create({ data: { ...call, source: call.source as Prisma.InputJsonValue, destinations: call.destinations as Prisma.InputJsonValue } });
    },
    async find(id: string): Promise<ProviderCallRecord | null> {
      const row = await prisma.providerCall.findFirst({ where: { id, ...LIVE } });
      return row ? record(row) : null;
    },
    /** Newest first; `providerId`: that provider's only. */
    async list(limit: number, providerId: string | undefined, after?: PageCursor): Promise<ProviderCallRecord[]> {
      const rows = await prisma.providerCall.findMany({
        where: { ...LIVE, ...(providerId ? { providerId } : {}), ...olderThan(after) },
        orderBy: NEWEST_FIRST,
        take: limit,
      });
      return rows.map(record);
    },
    /** Soft-deletes the record (its calls stay); null when it is gone already. */
    async delete(id: string): Promise<ProviderCallRecord | null> {
      const deleted = await prisma.providerCall.updateMany({ where: { id, ...LIVE }, data: { tmDelete: new Date(), tmUpdate: new Date() } });
      if (!deleted.count) return null;
      return record((await prisma.providerCall.findUnique({ where: { id } }))!);
    },
  };
}

export type ProviderCallRepository = ReturnType<typeof createProviderCallRepository>;
