import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphqlResult<T> {
  status: number;
  data: T | null;
  errors: GraphQLFormattedError[] | undefined;
}

/** A query or mutation over HTTP, as any client would send it. */
export async function graphql<T, V>(baseUrl: string, token: string | null, document: TypedDocumentNode<T, V>, variables?: V): Promise<GraphqlResult<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLFormattedError[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors };
}

export const wsClient = (baseUrl: string, token: string): Client =>
  createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { token },
    retryAttempts: 0,
    lazy: true,
  });

/** Collects a subscription's results until it completes (or fails). */
export function collect<T, V>(client: Client, document: TypedDocumentNode<T, V>, variables: V) {
  const items: T[] = [];
  const done = new Promise<T[]>((resolve, reject) => {
    client.subscribe<T>(
      { query: print(document), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else if (result.data) items.push(result.data);
        },
        error: reject,
        complete: () => resolve(items),
      },
    );
  });
  return { items, done };
}
