/** A start that cannot go on, said in terms of the setting to change: `DATABASE_URL 127.0.0.1:5999 refused`. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ECONNRESET: 'closed the connection',
  EADDRINUSE: 'in use',
  EACCES: 'not permitted',
  EADDRNOTAVAIL: 'not an address of this machine',
  '28P01': 'authentication failed',
  '28000': 'authentication failed',
  '3D000': 'database does not exist',
};

/** The first error of a connect that tried several addresses (Node's AggregateError). */
const rootOf = (error: unknown): unknown => (error instanceof AggregateError && error.errors.length ? rootOf(error.errors[0]) : error);

export function reasonOf(error: unknown): string {
  const root = rootOf(error) as { code?: string; message?: string } | undefined;
  return (root?.code && REASONS[root.code]) ?? root?.message ?? String(root);
}

/** `host:port` of a URL, with the scheme's default port when it names none. */
export function addressOf(url: string, defaultPort: number): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || defaultPort}`;
  } catch {
    return url;
  }
}

/** Runs one step of the start; its failure names the setting and the address. */
export async function naming<T>(setting: string, address: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`${setting} ${address} ${reasonOf(error)}`, { cause: error });
  }
}
