import { createServer, type IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { WebSocketServer } from 'ws';
import { ariRoutes } from './ari-routes';
import { createBridges } from './bridges';
import { createEventHub } from './event-hub';
import { createMedia } from './media';
import { createSandbox, type SimulatorDelays } from './sandbox';
import { simRoutes } from './sim-routes';
import { SimError } from './sim-error';

export type { SimulatorDelays };

export interface SimulatorOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** When both are set, ARI requests must carry them (basic auth or api_key=user:pass). */
  username?: string;
  password?: string;
  delays: SimulatorDelays;
}

export interface RunningSimulator {
  /** The base URL ari-client connects to, e.g. http://127.0.0.1:8088. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An ARI-compatible stand-in for Asterisk that plays the far end by the sandbox number plan. */
export async function startAriSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const hub = createEventHub();
  const sandbox = createSandbox(hub, options.delays);
  const media = createMedia(sandbox);
  const bridges = createBridges(sandbox, hub);
  sandbox.onChannelGone((channel) => {
    media.channelGone(channel);
    bridges.channelGone(channel);
  });
  const authorized = credentialsCheck(options);

  const app = express();
  app.disable('x-powered-by');
  app.use('/sim', express.json(), simRoutes(sandbox, hub));
  app.use('/ari', (req, res, next) => (authorized(req) ? next() : void res.status(401).json({ message: 'Authentication required' })));
  app.use('/ari', express.json(), ariRoutes(sandbox, media, bridges, () => hub.apps()[0] ?? 'default'));
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof SimError) return void res.status(error.status).json({ message: error.message });
    res.status(500).json({ message: error instanceof Error ? error.message : 'Internal error' });
  });

  const server = createServer(app);
  const events = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const apps = (url.searchParams.get('app') ?? '').split(',').filter(Boolean);
    if (url.pathname !== '/ari/events' || apps.length === 0 || !authorized(req)) {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    events.handleUpgrade(req, socket, head, (ws) => hub.add(apps, ws));
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : options.port);
    });
  });

  return {
    url: `http://${options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'}:${port}`,
    port,
    async close() {
      sandbox.closeAll();
      media.closeAll();
      bridges.closeAll();
      hub.dropAll();
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function credentialsCheck(options: SimulatorOptions): (req: IncomingMessage) => boolean {
  if (!options.username || !options.password) return () => true;
  const expected = `${options.username}:${options.password}`;
  return (req) => {
    const apiKey = new URL(req.url ?? '/', 'http://localhost').searchParams.get('api_key');
    if (apiKey !== null) return decodeURIComponent(apiKey) === expected;
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    return basic !== undefined && Buffer.from(basic, 'base64').toString('utf8') === expected;
  };
}
