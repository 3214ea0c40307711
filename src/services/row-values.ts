/**
 * Readers for the values of a row as Postgres returns it, or as to_jsonb wrote it into an event's
 * payload (where timestamps are strings): the row mappers of every resource share them.
 */
export const rowTime = (value: unknown): Date | null => {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(String(value));
};

export const nullableString = <T extends string>(value: unknown): T | null => (value === null || value === undefined ? null : (value as T));

export const nullableNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
