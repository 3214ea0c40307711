import { createHash } from 'node:crypto';
import { invalidArgument } from '../domain/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** A resource id from a client: a UUID, or 400 naming the field. */
export function parseId(value: unknown, field: string): string {
  if (!isUuid(value)) throw invalidArgument(field, 'must be a UUID');
  return value.toLowerCase();
}

/**
 * The id of the leg a groupcall dials for its `index`-th destination: derived (a name-based
 * UUID), so a retried dial makes the same leg and a leg's end names its destination.
 */
export function groupcallLegId(groupcallId: string, index: number): string {
  const hash = createHash('sha1').update(`${groupcallId}/${index}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
