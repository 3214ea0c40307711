/** A dependency the process needs to serve: checked by /readyz, watched for outages. */
export interface DependencyCheck {
  name: string;
  /** Resolves when the dependency answered; rejects (or times out) otherwise. */
  check(): Promise<void>;
}

export interface Readiness {
  ready: boolean;
  /** Per dependency: "ok", or why it is not. */
  checks: Record<string, string>;
}

const CHECK_TIMEOUT_MS = 1500;

const withTimeout = (promise: Promise<void>, ms: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      () => (clearTimeout(timer), resolve()),
      (error: unknown) => (clearTimeout(timer), reject(error)),
    );
  });

const reasonOf = (error: unknown): string => {
  if (error instanceof AggregateError && error.errors.length) return reasonOf(error.errors[0]);
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? (error.message || error.name);
  return String(error);
};

/** Runs every check at once, each with its own deadline. */
export async function checkReadiness(checks: readonly DependencyCheck[], timeoutMs = CHECK_TIMEOUT_MS): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, 'ok'] as const;
      } catch (error) {
        return [name, reasonOf(error)] as const;
      }
    }),
  );
  return { ready: results.every(([, result]) => result === 'ok'), checks: Object.fromEntries(results) };
}
