/** An event as stored in the outbox and carried on the event bus. */
export interface EventRecord {
  /** Global outbox position (a bigint, as a string). */
  id: string;
  customerId: string;
  resourceType: string;
  resourceId: string;
  type: string;
  /** Per-resource sequence: 1 for the first event of a call, then +1 per change. */
  sequence: number;
  /** The resource as it was right after the change (the row, snake_case, as to_jsonb gives it). */
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
  payload: Record<string, unknown>;
  tm_create: Date;
}

export const eventFromRow = (row: EventRow): EventRecord => ({
  id: row.id.toString(),
  customerId: row.customer_id,
  resourceType: row.resource_type,
  resourceId: row.resource_id,
  type: row.type,
  sequence: Number(row.sequence),
  payload: row.payload,
  tmCreate: row.tm_create.toISOString(),
});
