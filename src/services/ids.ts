import { invalidArgument } from '../domain/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A resource id from a client: a UUID, or 400 naming the field. */
export function parseId(value: unknown, field: string): string {
  if (!isUuid(value)) throw invalidArgument(field, 'must be a UUID');
  return value.toLowerCase();
}
