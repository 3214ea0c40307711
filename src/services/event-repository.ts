import { eventFromRow, type EventRecord, type EventRow } from '../events/event-record';
import type { PrismaClient } from '../platform/database';

export function createEventRepository(prisma: PrismaClient) {
  return {
    /** A resource's events in sequence order, after `afterSequence`. */
    async history(customerId: string, resourceId: string, afterSequence = 0): Promise<EventRecord[]> {
      const rows = await prisma.$queryRaw<EventRow[]>`
        SELECT * FROM events
        WHERE resource_id = ${resourceId}::uuid AND customer_id = ${customerId}::uuid AND sequence > ${afterSequence}
        ORDER BY sequence`;
      return rows.map(eventFromRow);
    },

    /** The events of several resources at once (one query), in sequence order per resource. */
    async historyOfMany(customerId: string, resourceIds: readonly string[]): Promise<EventRecord[]> {
      const rows = await prisma.$queryRaw<EventRow[]>`
        SELECT * FROM events
        WHERE resource_id = ANY(${resourceIds}::uuid[]) AND customer_id = ${customerId}::uuid
        ORDER BY resource_id, sequence`;
      return rows.map(eventFromRow);
    },
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
