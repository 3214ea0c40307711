import { invalidArgument } from '../domain/errors';
import type { CallCursor } from '../domain/call';
import { MAX_PAGE_SIZE } from '../services/call-service';
import { ZERO_UUID } from '../services/ids';
import { parseTimestamp } from './voipbin-time';

/** A query parameter given once, or undefined; repeating it is a client error. */
function single(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidArgument(field, 'must be given once, as a single value');
  return value;
}

/**
 * `?page_size=`: default 100; above the maximum it is the maximum, as VoIPBIN does, so a client
 * asking for more still pages through everything.
 */
export function parsePageSize(value: unknown): number {
  const text = single(value, 'page_size');
  if (text === undefined || text === '') return MAX_PAGE_SIZE;
  if (!/^[0-9]{1,9}$/.test(text) || Number(text) < 1) throw invalidArgument('page_size', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  return Math.min(Number(text), MAX_PAGE_SIZE);
}

/**
 * `?page_token=`: a tm_create timestamp; the page holds calls strictly older than it. The zero
 * UUID sorts before every id, so `(tm_create, id) < (token, zero)` is "tm_create < token".
 */
export function parsePageToken(value: unknown): CallCursor | undefined {
  const text = single(value, 'page_token');
  if (text === undefined || text === '') return undefined;
  const createdUs = parseTimestamp(text);
  if (createdUs === null) throw invalidArgument('page_token', "must be a timestamp like '2006-01-02 15:04:05.000000' (a next_page_token)");
  return { createdUs, id: ZERO_UUID };
}
