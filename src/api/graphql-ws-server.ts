import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, DEPRECATED_GRAPHQL_WS_PROTOCOL, handleProtocols, makeServer, type ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../platform/logger';
import { coalescedSender } from './coalesced-socket';

const KEEP_ALIVE_MS = 12_000;

/** graphql-ws's own rule for a close reason (the protocol allows 123 bytes). */
const limitCloseReason = (reason: string, whenTooLong: string) => (reason.length < 124 ? reason : whenTooLong);

export interface GraphqlWsSettings {
  logger: Logger;
  /** GRAPHQL_STACKTRACES: an internal error's message goes into the close reason. */
  stacktraces: boolean;
}

export interface GraphqlWsServer {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  dispose(): Promise<void>;
}

/**
 * graphql-ws's `useServer` (graphql-ws/use/ws, which its authors offer to be copied and adjusted),
 * with the same keep-alive pings, close codes and hooks, but frames sent through
 * coalescedSender: `useServer` awaits ws's write callback for every frame, so a subscription's
 * events went out one write each. Connections come in through `handleUpgrade`, as the sender needs
 * the stream the upgrade hands over.
 */
export function serveGraphqlWs<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(options: ServerOptions<P, Extra & Partial<E>>, { logger, stacktraces }: GraphqlWsSettings): GraphqlWsServer {
  // useServer's "not production" (details in close reasons, the deprecation warning) read
  // NODE_ENV; here it is the product's own switch for showing internal details.
  const hideDetails = !stacktraces;
  const reasonOf = (error: unknown) => (hideDetails ? 'Internal server error' : limitCloseReason(error instanceof Error ? error.message : String(error), 'Internal server error'));
  const server = makeServer<P, Extra & Partial<E>>(options);
  // noServer: the HTTP server routes upgrades itself, as /v1.0/ws shares it.
  const wss = new WebSocketServer({ noServer: true, handleProtocols });

  // No 'error' handler on the server, unlike useServer's: a noServer WebSocketServer never emits one.
  function opened(socket: WebSocket, request: IncomingMessage, stream: Duplex): void {
    socket.once('error', (error) => {
      logger.error({ err: error }, 'internal error emitted on a GraphQL socket');
      socket.close(CloseCode.InternalServerError, reasonOf(error));
    });
    let pongWait: NodeJS.Timeout | null = null;
    const pingInterval = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: coalescedSender(socket, stream),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) =>
          socket.on('message', async (event) => {
            try {
              await cb(String(event));
            } catch (error) {
              logger.error({ err: error }, 'internal error handling a GraphQL socket message');
              socket.close(CloseCode.InternalServerError, reasonOf(error));
            }
          }),
      },
      { socket, request } as Extra & Partial<E>,
    );
    socket.once('close', (code, reason) => {
      if (pongWait) clearTimeout(pongWait);
      clearInterval(pingInterval);
      if (!hideDetails && code === CloseCode.SubprotocolNotAcceptable && socket.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL) {
        logger.warn('a client asked for the deprecated subprotocol of subscriptions-transport-ws');
      }
      void closed(code, String(reason));
    });
  }

  return {
    handleUpgrade: (req, stream, head) => wss.handleUpgrade(req, stream, head, (socket) => opened(socket, req, stream)),
    async dispose() {
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
