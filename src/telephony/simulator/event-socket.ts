import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { EventHub } from './event-hub';

function refuse(socket: Duplex, status: string, message: string): void {
  const body = JSON.stringify({ message });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/**
 * The /ari/events WebSocket: `?app=a,b[&subscribeAll=…]`, authenticated like the REST side.
 * Pings are answered by ws itself, which ari-client's keep-alive relies on.
 */
export function serveEventSocket(server: Server, hub: EventHub, authorized: (req: IncomingMessage) => boolean): WebSocketServer {
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/ari/events') return refuse(socket, '404 Not Found', 'Resource not found');
    if (!authorized(req)) return refuse(socket, '401 Unauthorized', 'Authentication required');
    const apps = (url.searchParams.get('app') ?? '').split(',').filter(Boolean);
    if (apps.length === 0) return refuse(socket, '400 Bad Request', 'app parameter is required');
    sockets.handleUpgrade(req, socket, head, (ws) => hub.connect(apps, ws));
  });
  return sockets;
}
