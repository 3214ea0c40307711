import { BoundedMap } from '../domain/bounded-map';

/**
 * Answers looked up lately, by key, each trusted until its own deadline; concurrent lookups of one
 * key share one promise (a burst of requests of one client costs one lookup), and a failed lookup
 * is not kept. Bounded: past `maxKeys` keys it forgets the oldest rather than grow.
 */
export interface TtlMemo<V> {
  get(key: string): Promise<V>;
  /** What was looked up before is not trusted any longer (this process changed it). */
  forget(): void;
}

export interface TtlMemoOptions<V> {
  lookup: (key: string) => Promise<V>;
  /** How long an answer is trusted (0: never kept, every get looks up). */
  ttlMs: number;
  /** When an answer stops being trusted, at the latest (an access key's own expiry). */
  until?: (value: V) => number;
  maxKeys?: number;
}

export function createTtlMemo<V>({ lookup, ttlMs, until, maxKeys = 10_000 }: TtlMemoOptions<V>): TtlMemo<V> {
  const entries = new BoundedMap<string, { value: Promise<V>; until: number }>(maxKeys);
  return {
    get(key) {
      const now = Date.now();
      const known = entries.get(key);
      if (known && known.until > now) return known.value;
      const value = lookup(key);
      if (ttlMs <= 0) return value;
      const entry = { value, until: now + ttlMs };
      entries.set(key, entry);
      value.then(
        (answer) => {
          if (until) entry.until = Math.min(entry.until, until(answer));
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return value;
    },
    forget() {
      entries.clear();
    },
  };
}
