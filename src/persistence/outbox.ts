import type { EventNameOf } from '../domain/events/event-types';
import type { ResourceType } from '../domain/events/snapshots';
import { Prisma } from '../generated/prisma/client';
import { snapshotSql, type SnapshotOptions } from './snapshot-sql';

/** Wakes the outbox dispatcher when the transaction commits (NOTIFY is delivered on commit). */
export const NOTIFY = Prisma.sql`pg_notify('outbox:' || current_schema(), '')::text`;

export interface OutboxInsert<R extends ResourceType> extends SnapshotOptions {
  resource: R;
  event: EventNameOf<R>;
  /** The rows changed (a CTE name, or a table): one event per row, at the row's event_seq. */
  from: string;
  /** Narrows `from` (a table) to the changed row. */
  where?: Prisma.Sql;
}

/**
 * The one outbox writer: the INSERT of the events of a change, to be placed in the change's own
 * statement (a CTE, or the next statement of its transaction). Every repository writes its events
 * through it, so every event carries its resource's typed snapshot (src/services/snapshot-sql.ts).
 */
export function outboxInsert<R extends ResourceType>(insert: OutboxInsert<R>): Prisma.Sql {
  const where = insert.where ? Prisma.sql`WHERE ${insert.where}` : Prisma.empty;
  return Prisma.sql`
    INSERT INTO events (customer_id, resource_type, resource_id, type, sequence, payload)
    SELECT s.customer_id, ${insert.resource}, s.id, ${insert.event}, s.event_seq, ${snapshotSql(insert.resource, 's', insert)}
    FROM ${Prisma.raw(insert.from)} s ${where}`;
}
