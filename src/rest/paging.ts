import type { Request } from 'express';
import { invalidArgument } from '../domain/errors';
import { pageSizeOf } from '../domain/paging';
import type { PageCursor } from '../services/page-cursor';
import { ZERO_UUID } from '../services/ids';
import { formatMicros, parseTimestamp } from './voipbin-time';

/** A query parameter given once, or undefined; repeating it is a client error. */
function single(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidArgument(field, 'must be given once, as a single value');
  return value;
}

/**
 * REST's one page request: `?page_size=` (the one page-size rule) and `?page_token=`, VoIPBIN's
 * tm_create timestamp: the page holds items strictly older than it.
 */
export interface PageRequest {
  pageSize: number;
  /** Microseconds of the token; undefined for the first page. */
  beforeUs: bigint | undefined;
}

/** `?page_size=` alone, for a list positioned by something else than tm_create. */
export const pageSizeParamOf = (req: Pick<Request, 'query'>): number => pageSizeOf(single(req.query.page_size, 'page_size'), 'page_size');

/** `?page_token=` as given ('' or absent: the first page). */
export const pageTokenParamOf = (req: Pick<Request, 'query'>): string => single(req.query.page_token, 'page_token') ?? '';

export function pageRequestOf(req: Pick<Request, 'query'>): PageRequest {
  const pageSize = pageSizeParamOf(req);
  const token = pageTokenParamOf(req);
  if (token === undefined || token === '') return { pageSize, beforeUs: undefined };
  const beforeUs = parseTimestamp(token);
  if (beforeUs === null) throw invalidArgument('page_token', "must be a timestamp like '2006-01-02 15:04:05.000000' (a next_page_token)");
  return { pageSize, beforeUs };
}

/** The token as a (tm_create µs, id) cursor: the zero UUID sorts first, so it means "tm_create < token". */
export const microCursorOf = (page: PageRequest) => (page.beforeUs === undefined ? undefined : { createdUs: page.beforeUs, id: ZERO_UUID });

/**
 * The token as a cursor of a list whose rows carry millisecond tm_create (a Date): rounded up to
 * the millisecond, so a row stored in the token's own millisecond but before its microseconds is kept.
 */
export const dateCursorOf = (page: PageRequest): PageCursor | undefined =>
  page.beforeUs === undefined ? undefined : { tmCreate: new Date(Number((page.beforeUs + 999n) / 1000n)), id: null };

/**
 * REST's one list answer: every page with items names where the next starts (the last item's
 * tm_create); an empty page, '' — clients page until a page comes back empty.
 */
export function listAnswer<T>(result: T[], lastCreated: bigint | Date | undefined) {
  const micros = lastCreated instanceof Date ? BigInt(lastCreated.getTime()) * 1000n : lastCreated;
  return listAnswerWith(result, micros === undefined ? '' : formatMicros(micros));
}

/** The same answer for a list positioned by another token (webhook deliveries: the event id). */
export const listAnswerWith = <T>(result: T[], lastToken: string) => ({ result, next_page_token: result.length > 0 ? lastToken : '' });
