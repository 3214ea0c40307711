import { invalidArgument } from './errors';

/** The largest page of every list, on every surface (VoIPBIN's 100). */
export const MAX_PAGE_SIZE = 100;

/**
 * The one page-size rule: absent means the maximum; a whole number from 1 is taken, and one over
 * the maximum is clamped to it (as VoIPBIN does, so a client asking for more still pages through
 * everything); anything else is refused naming the parameter (`page_size`, `first`).
 */
export function pageSizeOf(value: unknown, field: string): number {
  if (value === undefined || value === null || value === '') return MAX_PAGE_SIZE;
  const size = typeof value === 'string' && /^[0-9]{1,9}$/.test(value) ? Number(value) : value;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw invalidArgument(field, `must be a whole number from 1 (at most ${MAX_PAGE_SIZE} are answered)`);
  return Math.min(size, MAX_PAGE_SIZE);
}
