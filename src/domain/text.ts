import { invalidArgument } from './errors';

/** Postgres text and jsonb cannot hold U+0000, so no stored value may contain it. Iterative: any depth. */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (current.includes('\u0000')) return true;
    } else if (Array.isArray(current)) {
      pending.push(...current);
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, inner] of Object.entries(current)) {
        if (key.includes('\u0000')) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/** Optional text of at most `max` characters, '' when absent. */
export function parseText(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max) throw invalidArgument(field, `must be text of at most ${max} characters`);
  if (containsNul(value)) throw invalidArgument(field, 'must not contain NUL characters');
  return value;
}
