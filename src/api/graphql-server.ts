import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import { GraphQLError, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { complexityLimit, depthLimit, MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from './graphql-limits';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AppError, ERROR_TABLE } from '../domain/errors';
import { credentialOf } from '../platform/credentials';
import { formatGraphqlError } from '../platform/graphql-errors';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import { createCallLoaders } from '../resolvers/call-loaders';
import type { GraphqlContext } from '../resolvers/context';
import type { Services } from '../services/services';

export interface GraphqlEndpoint {
  middleware: RequestHandler;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  stop(): Promise<void>;
}

const contextFor = (services: Services, customerId: string, requestId: string): GraphqlContext => ({
  customerId,
  requestId,
  services,
  loaders: createCallLoaders(services.callRepository, services.events, customerId, services.activeflows),
});

/** Apollo over HTTP and graphql-ws over WebSocket, both on /graphql, both authenticated. */
export interface GraphqlOptions {
  introspection: boolean;
  metrics: Metrics;
}

export async function createGraphqlEndpoint(httpServer: Server, schema: GraphQLSchema, services: Services, logger: Logger, options: GraphqlOptions): Promise<GraphqlEndpoint> {
  const formatError = formatGraphqlError(logger);
  // graphql-ws does not go through Apollo: its errors get the same codes here.
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  // noServer: the HTTP server routes upgrades itself, as /v1.0/ws shares it.
  const wsServer = new WebSocketServer({ noServer: true });
  const wsCleanup = useServer<Record<string, unknown> | undefined, { customerId?: string }>(
    {
      schema,
      // Subscriptions get the same depth limit as queries over HTTP.
      validate: (validationSchema, document) => validate(validationSchema, document, [...specifiedRules, depthLimit(MAX_QUERY_DEPTH)]),
      onConnect: async (ctx) => {
        const token = connectionToken(ctx.connectionParams) ?? credentialOf(ctx.extra.request.headers, ctx.extra.request.url);
        try {
          const principal = await services.auth.authenticate(token);
          (ctx.extra as { customerId?: string }).customerId = principal.customerId;
          return true;
        } catch {
          ctx.extra.socket.close(4401, 'Unauthorized: a valid access key is required');
          return false;
        }
      },
      context: (ctx) => contextFor(services, (ctx.extra as { customerId: string }).customerId, 'ws'),
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors) } : undefined),
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    formatError,
    introspection: options.introspection,
    validationRules: [depthLimit(MAX_QUERY_DEPTH)],
    // The process's own shutdown stops Apollo along with everything else, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      complexityLimit(schema, MAX_QUERY_COMPLEXITY),
      graphqlTimer(options.metrics),
      // The explorer at /explorer is the landing page: Apollo's own would load from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
    ],
  });
  await apollo.start();

  const middleware = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const principal = await services.auth.authenticate(credentialOf(req.headers, req.originalUrl)).catch((error: unknown) => {
        throw asContextError(error);
      });
      return contextFor(services, principal.customerId, String(res.locals.requestId ?? ''));
    },
  });
  return {
    middleware,
    handleUpgrade: (req, socket, head) => wsServer.handleUpgrade(req, socket, head, (ws) => wsServer.emit('connection', ws, req)),
    stop: () => apollo.stop(),
  };
}

/** The duration of every operation over HTTP, by its type and whether it answered errors. */
function graphqlTimer(metrics: Metrics): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operation, errors }) {
          end({ operation: operation?.operation ?? 'invalid', outcome: errors?.length ? 'error' : 'ok' });
        },
      };
    },
  };
}

function connectionToken(params: Record<string, unknown> | undefined): string | null {
  if (!params) return null;
  for (const key of ['token', 'accesskey', 'accessKey', 'authorization', 'Authorization']) {
    const value = params[key];
    if (typeof value === 'string' && value) return value.replace(/^Bearer\s+/i, '');
  }
  return null;
}

function asContextError(error: unknown): Error {
  if (error instanceof AppError && error.code === 'RATE_LIMITED') {
    const headers = new Map([['retry-after', String(error.retryAfterSeconds ?? 1)]]);
    return new GraphQLError(error.message, { extensions: { code: ERROR_TABLE.RATE_LIMITED.graphql, http: { status: 429, headers } } });
  }
  const message = error instanceof AppError ? error.message : 'Authentication failed.';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
