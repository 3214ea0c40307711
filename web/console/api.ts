import { createClient, type Client } from 'graphql-ws';
import { graphqlSocketUrl } from '../shared/access-key';

/** A GraphQL error answered by the API, with its extensions.code. */
export class ApiError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}

/** The console's one way to the API: GraphQL over HTTP and graphql-ws, the sandbox over REST. */
export function createApi(key: string) {
  let socket: Client | null = null;
  const ws = () => (socket ??= createClient({ url: graphqlSocketUrl(), connectionParams: { token: key }, retryAttempts: Infinity, shouldRetry: () => true }));

  async function query<T>(document: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: document, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error) throw new ApiError(error.message, error.extensions?.code ?? 'ERROR');
    return body.data as T;
  }

  /** Calls `next` for every event; answers the unsubscribe. */
  function subscribe<T>(document: string, variables: Record<string, unknown>, next: (data: T) => void): () => void {
    return ws().subscribe<T>({ query: document, variables }, { next: (result) => result.data && next(result.data as T), error: () => undefined, complete: () => undefined });
  }

  async function sandbox(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`/sandbox${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return null;
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    if (!response.ok) throw new ApiError(answer?.error?.message ?? `the sandbox answered ${response.status}`, String(response.status));
    return answer;
  }

  return { query, subscribe, sandbox, close: () => void socket?.dispose() };
}

export type Api = ReturnType<typeof createApi>;
