import { AppError, invalidArgument } from './errors';

/** How deep accepted JSON may nest (objects and lists); far beyond any real request. */
export const MAX_JSON_DEPTH = 32;

/** In a `u` regex a surrogate pair is one code point, so `Cs` matches only an unpaired half. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;
export const isWellFormedText = (text: string): boolean => !UNPAIRED_SURROGATE.test(text);

/**
 * `actions[0].option.text` from the keys on the way down; a key that is no identifier in
 * brackets (`tech_headers["X-Account"]`), so a key holding a dot cannot read as two. The one way
 * an error names a field inside a value.
 */
export const fieldPath = (prefix: string, key: string | number): string =>
  typeof key === 'number' ? `${prefix}[${key}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (prefix ? `${prefix}.${key}` : key) : `${prefix}[${JSON.stringify(key)}]`;

/**
 * The one check of every value a client sends (a REST body, GraphQL variables), before any rule
 * reads it: nesting bounded by MAX_JSON_DEPTH, and every string (and key) well-formed Unicode, so
 * no text with an unpaired UTF-16 surrogate is ever stored. Iterative: no input can exhaust the
 * stack. `root` names the value in errors ('' for a body whose keys are the field names).
 */
export function checkClientJson(value: unknown, root = ''): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormedText(current)) throw invalidArgument(path || 'body', 'must be well-formed Unicode text (it holds an unpaired UTF-16 surrogate)');
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      throw new AppError('JSON_TOO_DEEP', `${path || 'body'}: nests deeper than ${MAX_JSON_DEPTH} levels of objects and lists, the most accepted.`, path || 'body');
    }
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((item, index) => [index, item]) : Object.entries(current);
    for (const [key, inner] of entries) {
      const innerPath = fieldPath(path, key);
      if (typeof key === 'string' && !isWellFormedText(key)) throw invalidArgument(path || 'body', 'must have well-formed Unicode keys (one holds an unpaired UTF-16 surrogate)');
      stack.push({ value: inner, path: innerPath, depth: depth + 1 });
    }
  }
}
