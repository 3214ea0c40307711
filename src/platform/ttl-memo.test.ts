import { createTtlMemo } from './ttl-memo';

/** The memo's rules, on a clock the test moves (jest's fake timers set Date.now). */
beforeEach(() => {
  jest.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  jest.useRealTimers();
});

function counted<V>(answer: (key: string, n: number) => V | Error) {
  const lookups: string[] = [];
  const lookup = async (key: string) => {
    lookups.push(key);
    const value = answer(key, lookups.length);
    if (value instanceof Error) throw value;
    return value;
  };
  return { lookups, lookup };
}

it('answers a key from one lookup until its time is up, then looks it up again', async () => {
  const { lookups, lookup } = counted((key, n) => `${key}#${n}`);
  const memo = createTtlMemo({ lookup, ttlMs: 1000 });
  expect(await memo.get('a')).toBe('a#1');
  jest.setSystemTime(1_000_999);
  expect(await memo.get('a')).toBe('a#1');
  jest.setSystemTime(1_001_000);
  expect(await memo.get('a')).toBe('a#2');
  expect(lookups).toEqual(['a', 'a']);
});

it('shares one lookup between gets of the same key made at once', async () => {
  const { lookups, lookup } = counted((key) => key);
  const memo = createTtlMemo({ lookup, ttlMs: 1000 });
  expect(await Promise.all([memo.get('a'), memo.get('a'), memo.get('b')])).toEqual(['a', 'a', 'b']);
  expect(lookups).toEqual(['a', 'b']);
});

it('trusts an answer no longer than its own deadline', async () => {
  const { lookups, lookup } = counted(() => ({ expiresAt: 1_000_100 }));
  const memo = createTtlMemo({ lookup, ttlMs: 1000, until: (value) => value.expiresAt });
  await memo.get('a');
  jest.setSystemTime(1_000_100);
  await memo.get('a');
  expect(lookups).toHaveLength(2);
});

it('keeps no failed lookup: the next get asks again', async () => {
  const { lookups, lookup } = counted((_key, n) => (n === 1 ? new Error('unknown') : 'found'));
  const memo = createTtlMemo({ lookup, ttlMs: 1000 });
  await expect(memo.get('a')).rejects.toThrow('unknown');
  expect(await memo.get('a')).toBe('found');
  expect(lookups).toHaveLength(2);
});

it('forgets every answer at once, and keeps none with a time of 0', async () => {
  const { lookups, lookup } = counted((key, n) => `${key}#${n}`);
  const memo = createTtlMemo({ lookup, ttlMs: 1000 });
  await memo.get('a');
  memo.forget();
  expect(await memo.get('a')).toBe('a#2');
  const never = createTtlMemo({ lookup, ttlMs: 0 });
  await never.get('b');
  await never.get('b');
  expect(lookups).toEqual(['a', 'a', 'b', 'b']);
});

it('forgets the oldest key past its bound rather than grow', async () => {
  const { lookups, lookup } = counted((key) => key);
  const memo = createTtlMemo({ lookup, ttlMs: 1000, maxKeys: 2 });
  await memo.get('a');
  await memo.get('b');
  await memo.get('c'); // a, the oldest, is forgotten
  await memo.get('c');
  await memo.get('b');
  await memo.get('a');
  expect(lookups).toEqual(['a', 'b', 'c', 'a']);
});
