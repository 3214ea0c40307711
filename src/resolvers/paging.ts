import { invalidArgument } from '../domain/errors';
import { MAX_PAGE_SIZE, pageSizeOf } from '../domain/paging';
import type { PageCursor } from '../services/page-cursor';
import { isUuid } from '../services/ids';

/** A position in a newest-first list: tm_create in µs, then id. */
export interface Cursor {
  createdUs: bigint;
  id: string;
}

/** GraphQL's one cursor format, opaque to clients: base64url of "<tm_create in µs>:<id>". */
export const encodeCursor = (cursor: Cursor): string => Buffer.from(`${cursor.createdUs.toString()}:${cursor.id}`).toString('base64url');

function decodeCursor(value: string): Cursor {
  const [micros, id] = Buffer.from(value, 'base64url').toString('utf8').split(':');
  if (!micros || !/^[0-9]{1,20}$/.test(micros) || !isUuid(id)) throw invalidArgument('after', 'is not a cursor this API gave out');
  return { createdUs: BigInt(micros), id };
}

/** GraphQL's one page request: `first` under the one page-size rule, `after` an endCursor. */
export function pageArgsOf(args: { first?: number | null; after?: string | null }): { pageSize: number; after: Cursor | undefined } {
  return { pageSize: pageSizeOf(args.first, 'first'), after: args.after ? decodeCursor(args.after) : undefined };
}

/** For lists whose rows carry a millisecond tm_create (a Date). */
export const dateCursorOf = (cursor: Cursor | undefined): PageCursor | undefined =>
  cursor ? { tmCreate: new Date(Number(cursor.createdUs / 1000n)), id: cursor.id } : undefined;
export const cursorOfDate = (row: { tmCreate: Date; id: string }): Cursor => ({ createdUs: BigInt(row.tmCreate.getTime()) * 1000n, id: row.id });

/**
 * GraphQL's one connection: a full page says there may be a next one (a client pages until
 * hasNextPage is false); endCursor is the last item's, null for an empty page.
 */
export function connectionOf<T, N>(items: readonly T[], cursors: readonly Cursor[], pageSize: number, toNode: (item: T) => N) {
  const nodes = items.map(toNode);
  const last = cursors.at(-1);
  return {
    nodes,
    edges: nodes.map((node, index) => ({ node, cursor: encodeCursor(cursors[index]!) })),
    pageInfo: { hasNextPage: items.length === pageSize, endCursor: last ? encodeCursor(last) : null },
  };
}

export const PAGE_SIZE_DESCRIPTION = `Page size: 1 or more, at most ${MAX_PAGE_SIZE} are answered (default ${MAX_PAGE_SIZE}).`;
