/**
 * Polls until `probe` answers a value `accept` likes. The limit only stops a test that would
 * otherwise hang; no assertion depends on how long it took.
 */
export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, limitMs = 15_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (accept(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
