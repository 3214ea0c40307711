import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { endWithJson } from '../../platform/http-parser-errors';
import type { EventHub } from './event-hub';

const refuse = (socket: Duplex, status: number, message: string): void => endWithJson(socket, status, { message });

/**
 * The /ari/events WebSocket: `?app=a,b[&subscribeAll=…]`, authenticated like the REST side.
 * Pings are answered by ws itself, which ari-client's keep-alive relies on.
 */
export function serveEventSocket(server: Server, hub: EventHub, authorized: (req: IncomingMessage) => boolean): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ari/events') return refuse(socket, 404, 'Resource not found');
    if (!authorized(req)) return refuse(socket, 401, 'Authentication required');
    const apps = (url.searchParams.get('app') ?? '').split(',').filter(Boolean);
    if (apps.length === 0) return refuse(socket, 400, 'app parameter is required');
    sockets.handleUpgrade(req, socket, head, (ws) => hub.connect(apps, ws));
  });
  return sockets;
}
