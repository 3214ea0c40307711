import type { EventNameOf } from '../domain/events/event-types';
import type { ResourceType } from '../domain/events/snapshots';
import { Prisma } from '../generated/prisma/client';
import { OUTBOX_MARK } from './query-hook';
import { snapshotSql, type SnapshotOptions } from './snapshot-sql';


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
 * Its mark tells the query hook (query-hook.ts) that the statement wrote events, so their commit
 * wakes the dispatcher.
 */
export function outboxInsert<R extends ResourceType>(insert: OutboxInsert<R>): Prisma.Sql {
  const where = insert.where ? Prisma.sql`WHERE ${insert.where}` : Prisma.empty;
  return Prisma.sql`${Prisma.raw(OUTBOX_MARK)}
    INSERT INTO events (customer_id, resource_type, resource_id, type, sequence, payload)
    SELECT s.customer_id, ${insert.resource}, s.id, ${insert.event}, s.event_seq, ${snapshotSql(insert.resource, 's', insert)}
    FROM ${Prisma.raw(insert.from)} s ${where}`;
}
