import express from 'express';
import { createServer } from 'node:http';
import type { Metrics } from '../platform/metrics';
import type { DependencyCheck } from '../platform/readiness';
import { listen } from './listen';
import { createOperationsRouter } from './operations.routes';
import { answerParserErrorsInRest } from './socket-errors';

export interface OperationsServer {
  listen(port: number, host: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * A worker-only process has no API, yet its counters (events dispatched, outbox lag, webhook
 * outcomes, ARI reconnects) are its own: it serves /healthz, /readyz and /metrics on a port of its own.
 */
export function createOperationsServer(checks: readonly DependencyCheck[], metrics: Metrics): OperationsServer {
  const app = express();
  app.disable('x-powered-by');
  app.use(createOperationsRouter(checks, metrics));
  const server = createServer(app);
  // A request its parser refuses is answered as the API answers one: the same port kind, the same body.
  answerParserErrorsInRest(server);
  return {
    listen: (port, host) => listen(server, port, host),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
