import WebSocket from 'ws';
import { CallEventsDocument } from '../generated/graphql';
import { collect, wsClient } from './graphql-client';

/** Opens a WebSocket: the refusal it met before the upgrade (status, Retry-After, REST reason), or the open socket. */
export function tryUpgrade(url: string): Promise<{ status: number; retryAfter: string | undefined; reason: string } | { open: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ open: ws }));
    ws.once('error', () => undefined);
    ws.once('unexpected-response', (_req, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], reason: (JSON.parse(body) as { error: { reason: string } }).error.reason }));
      response.on('error', reject);
    });
  });
}

/** The close code a graphql-ws connection with this key ends with when it is refused. */
export async function graphqlSocketCloseCode(baseUrl: string, token: string): Promise<number | undefined> {
  const client = wsClient(baseUrl, token);
  try {
    await collect(client, CallEventsDocument, {}).done;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  } finally {
    await client.dispose();
  }
}
