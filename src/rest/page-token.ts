import type { PageCursor } from '../services/page-cursor';
import { parsePageToken } from './list-query';
import { formatMicros } from './voipbin-time';

/**
 * `?page_token=` for lists whose rows carry millisecond tm_create (flows, numbers): the rows
 * strictly older than the token. Rounded up to the millisecond, so a row stored in the token's
 * own millisecond but before its microseconds is kept.
 */
export function olderThanToken(value: unknown): PageCursor | undefined {
  const cursor = parsePageToken(value);
  return cursor ? { tmCreate: new Date(Number((cursor.createdUs + 999n) / 1000n)), id: null } : undefined;
}

/** VoIPBIN's next_page_token: the tm_create of the page's last row, '' for an empty page. */
export const nextPageToken = (page: readonly { tmCreate: Date }[]): string => {
  const last = page.at(-1);
  return last ? formatMicros(BigInt(last.tmCreate.getTime()) * 1000n) : '';
};
