import { eventFromRow, type EventRecord, type EventRow } from '../events/event-record';
import type { PrismaClient } from './database';

const STREAM_PAGE = 1000;

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

    /**
     * The customer's call and activeflow events after a stream position, in position order
     * (those of one call and its activeflow when `callId` is given). Events not yet given a
     * position are still on their way to the live stream.
     */
    async streamAfter(customerId: string, after: string, callId: string | null): Promise<EventRecord[]> {
      const events: EventRecord[] = [];
      let from = after;
      for (;;) {
        const rows = await prisma.$queryRaw<EventRow[]>`
          SELECT * FROM events
          WHERE customer_id = ${customerId}::uuid AND position > ${from}::bigint AND resource_type IN ('call', 'activeflow')
            AND (${callId}::uuid IS NULL OR resource_id = ${callId}::uuid
                 OR (resource_type = 'activeflow' AND payload->>'reference_id' = ${callId}::text))
          ORDER BY position LIMIT ${STREAM_PAGE}`;
        events.push(...rows.map(eventFromRow));
        if (rows.length < STREAM_PAGE) return events;
        from = events.at(-1)?.position ?? from;
      }
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
