import type { IncomingMessage } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ariAsteriskRoutes } from './ari-asterisk-routes';
import { ariBridgeRoutes } from './ari-bridge-routes';
import { ariChannelMediaRoutes } from './ari-channel-media-routes';
import { ariChannelRoutes } from './ari-channel-routes';
import { ariPlaybackRecordingRoutes } from './ari-playback-recording-routes';
import type { EventHub } from './event-hub';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';
import { simRoutes } from './sim-routes';
import { createSwaggerDocuments } from './swagger-documents';

/** Maps a thrown SimError (or a body that is not JSON) to Asterisk's error answer. */
function errorAnswer(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(error);
  if (error instanceof SimError) return void res.status(error.status).json({ message: error.message });
  const status = (error as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) return void res.status(status).json({ message: 'Invalid request body' });
  res.status(500).json({ message: error instanceof Error ? error.message : 'Internal Server Error' });
}

/** The HTTP side: ARI under /ari (authenticated like Asterisk), the control surface under /sim. */
export function createHttpApp(sandbox: Sandbox, hub: EventHub, authorized: (req: IncomingMessage) => boolean) {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.use(express.json({ limit: '1mb' }));

  app.use('/sim', simRoutes(sandbox, hub));
  app.use('/ari', (req, res, next) => {
    if (authorized(req)) return next();
    res.status(401).set('WWW-Authenticate', 'Basic realm="Asterisk REST Interface"').json({ message: 'Authentication required' });
  });
  app.use('/ari', (req, res, next) => sandbox.stalls.middleware(req, res, next));
  app.use(
    '/ari',
    ariAsteriskRoutes(sandbox, hub, createSwaggerDocuments()),
    ariChannelRoutes(sandbox),
    ariChannelMediaRoutes(sandbox),
    ariBridgeRoutes(sandbox),
    ariPlaybackRecordingRoutes(sandbox),
  );
  // Resources this Asterisk does not serve (endpoints, sounds, device states …) are absent, as without their module.
  app.use((_req, res) => void res.status(404).json({ message: 'Resource not found' }));
  app.use(errorAnswer);
  return app;
}
