import { createServer, type Server } from 'node:http';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../platform/logger';
import { createLoginRouter } from '../rest/login.routes';
import { createReferenceRouter } from '../rest/reference.routes';
import { createRestRouter } from '../rest/router';
import type { Services } from '../services/services';
import { graphqlHttpErrors } from './graphql-http-errors';
import { createGraphqlEndpoint, type GraphqlOptions } from './graphql-server';
import type { DependencyCheck } from '../platform/readiness';
import { listen } from './listen';
import { createOperationsRouter } from './operations.routes';
import { requestMetrics } from './request-metrics';
import { createSandboxRouter } from './sandbox.routes';
import { createWebRouter, defaultWebAssetsDir } from './web.routes';
import { hitPerIp, limitPerCustomer, limitPerIp, type RateLimits } from './rate-limit';
import { restErrorHandler } from '../rest/rest-errors';
import { answerOnSocket, answerParserErrorsInRest } from './socket-errors';
import { requestId } from './request-id';
import { createTopicSocket } from './topic-socket';

export interface ApiServer {
  server: Server;
  app: Express;
  listen(port: number, host: string): Promise<number>;
  stop(): Promise<void>;
}

const BODY_LIMIT = '1mb';

export interface ApiOptions extends GraphqlOptions {
  rateLimits: RateLimits;
  /** What /readyz checks. */
  dependencies: readonly DependencyCheck[];
  /** The browser bundles (default: dist/web). */
  webAssetsDir?: string;
  /** The simulator's URL when the product runs on it: the far end of sandbox calls is played at /sandbox. */
  sandboxSimulatorUrl?: string;
}

export async function createApiServer(schema: GraphQLSchema, unlimited: Services, logger: Logger, options: ApiOptions): Promise<ApiServer> {
  const services: Services = { ...unlimited, auth: limitPerCustomer(unlimited.auth, options.rateLimits) };
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  const graphql = await createGraphqlEndpoint(server, schema, services, logger, options);
  const topics = createTopicSocket(services, logger);
  // A request Node's parser refuses (headers over its limit, not HTTP) is answered in REST's body.
  answerParserErrorsInRest(server);
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    // An upgrade is a request like any other: over the client's limit it is refused before it happens.
    try {
      if (path === '/graphql' || path === '/v1.0/ws') hitPerIp(options.rateLimits, req);
    } catch (error) {
      answerOnSocket(socket, error);
      return;
    }
    if (path === '/graphql') graphql.handleUpgrade(req, socket, head);
    else if (path === '/v1.0/ws') void topics.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  app.use(requestId);
  app.use(requestMetrics(options.metrics));
  app.use(createOperationsRouter(options.dependencies, options.metrics));
  app.use(createWebRouter(options.webAssetsDir ?? defaultWebAssetsDir()));
  app.use(['/graphql', '/v1.0', '/auth'], limitPerIp(options.rateLimits));
  app.use('/auth', createLoginRouter(services.auth, logger));
  app.use('/graphql', express.json({ limit: BODY_LIMIT }), ...graphql.middleware);
  app.use('/v1.0', createRestRouter(services, logger));
  if (options.sandboxSimulatorUrl) app.use('/sandbox', limitPerIp(options.rateLimits), createSandboxRouter(services, options.sandboxSimulatorUrl, logger));
  app.use('/reference', createReferenceRouter());
  // Errors raised before a router took the request (the per-IP limit), in each surface's shape.
  app.use('/graphql', graphqlHttpErrors(logger));
  app.use(['/v1.0', '/auth', '/sandbox'], restErrorHandler(logger));

  return {
    server,
    app,
    listen: (port, host) => listen(server, port, host),
    async stop() {
      options.rateLimits.limiter.close();
      topics.close();
      await graphql.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
