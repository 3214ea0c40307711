/** Position in a newest-first list: tm_create, then id (null id: strictly older than the time). */
export interface PageCursor {
  tmCreate: Date;
  id: string | null;
}

/** The Prisma filter for "after this cursor" in a list ordered by tm_create desc, id desc. */
export function olderThan(after: PageCursor | undefined) {
  if (!after) return {};
  if (!after.id) return { tmCreate: { lt: after.tmCreate } };
  return { OR: [{ tmCreate: { lt: after.tmCreate } }, { tmCreate: after.tmCreate, id: { lt: after.id } }] };
}

export const NEWEST_FIRST = [{ tmCreate: 'desc' as const }, { id: 'desc' as const }];
