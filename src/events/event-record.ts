/** An event as stored in the outbox and carried on the event bus. */
export interface EventRecord {
  /** Global outbox position (a bigint, as a string). */
  id: string;
  customerId: string;
  resourceType: string;
  resourceId: string;
  type: string;
  /**
   * The customer's stream position: increasing in publish order (with gaps: positions are shared
   * by all customers). Null until the dispatcher handed it out.
   */
  position: string | null;
  /** Per-resource sequence: 1 for the first event of a call, then +1 per change. */
  sequence: number;
  /** The resource's snapshot right after the change (domain/events/snapshots.ts). */
  payload: Record<string, unknown>;
  tmCreate: string;
}

export interface EventRow {
  id: bigint;
  customer_id: string;
  resource_type: string;
  resource_id: string;
  type: string;
  sequence: number;
  position?: bigint | string | null;
  payload: Record<string, unknown>;
  tm_create: Date;
}

export const eventFromRow = (row: EventRow): EventRecord => ({
  id: row.id.toString(),
  customerId: row.customer_id,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  type: row.type,
  position: row.position === null || row.position === undefined ? null : row.position.toString(),
  sequence: Number(row.sequence),
  payload: row.payload,
  tmCreate: row.tm_create.toISOString(),
});
