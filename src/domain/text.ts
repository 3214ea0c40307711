import { invalidArgument } from './errors';

/** Postgres text and jsonb cannot hold U+0000, so no stored value may contain it. */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, inner]) => key.includes('\u0000') || containsNul(inner));
  return false;
}

/** Optional text of at most `max` characters, '' when absent. */
export function parseText(value: unknown, field: string, max: number): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max) throw invalidArgument(field, `must be text of at most ${max} characters`);
  if (containsNul(value)) throw invalidArgument(field, 'must not contain NUL characters');
  return value;
}
