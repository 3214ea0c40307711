import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { RequestHandler } from 'express';
import type { GraphQLSchema } from 'graphql';
import { credentialOf } from '../platform/credentials';
import { formatGraphqlError, graphqlErrorOf } from '../platform/graphql-errors';
import { knownError } from '../platform/known-error';
import type { Logger } from '../platform/logger';
import type { Metrics } from '../platform/metrics';
import { createCallLoaders } from '../resolvers/call-loaders';
import type { GraphqlContext } from '../resolvers/context';
import type { Services } from '../services/services';
import { variablesGuard } from './graphql-input-guard';
import { assertTokenCount, costLimit, MAX_QUERY_TOKENS, operationRules } from './graphql-limits';
import { createGraphqlSocket } from './graphql-socket';

export interface GraphqlEndpoint {
  middleware: RequestHandler[];
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  stop(): Promise<void>;
}

const contextFor = (services: Services, customerId: string, requestId: string): GraphqlContext => ({
  customerId,
  requestId,
  services,
  loaders: createCallLoaders(services.calls, services.events, customerId, services.activeflows),
});

/** Apollo over HTTP and graphql-ws over WebSocket, both on /graphql, both authenticated. */
export interface GraphqlOptions {
  introspection: boolean;
  metrics: Metrics;
  /** GRAPHQL_STACKTRACES: a development setting; stack traces are never sent otherwise. */
  stacktraces: boolean;
}

/** The document's size, checked before Apollo parses it (a GET's `query` or a POST body's). */
const documentSizeLimit: RequestHandler = (req, _res, next) => {
  const query: unknown = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
  if (typeof query === 'string') assertTokenCount(query);
  next();
};

export async function createGraphqlEndpoint(httpServer: Server, schema: GraphQLSchema, services: Services, logger: Logger, options: GraphqlOptions): Promise<GraphqlEndpoint> {
  const formatError = formatGraphqlError(logger, { hideSuggestions: !options.introspection });
  const socket = createGraphqlSocket({
    schema,
    services,
    logger,
    introspection: options.introspection,
    stacktraces: options.stacktraces,
    contextFor: (customerId) => contextFor(services, customerId, 'ws'),
    formatError,
  });

  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    formatError,
    introspection: options.introspection,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: options.stacktraces,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    validationRules: operationRules(options.introspection),
    // The process's own shutdown stops Apollo along with everything else, in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      variablesGuard,
      costLimit(schema),
      graphqlTimer(options.metrics),
      // The explorer at /explorer is the landing page: Apollo's own would load from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint, and Apollo's cache-control plugin (on by default) hooked
      // every field of every request to compute a policy that was never sent.
      ApolloServerPluginCacheControlDisabled(),
      { async serverWillStart() { return { async drainServer() { await socket.dispose(); } }; } },
    ],
  });
  await apollo.start();

  const middleware = expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const principal = await services.auth.authenticate(credentialOf(req.headers, req.originalUrl)).catch((error: unknown) => {
        if (!knownError(error)) logger.error({ err: error }, 'unexpected error authenticating a GraphQL request');
        throw graphqlErrorOf(error);
      });
      return contextFor(services, principal.customerId, String(res.locals.requestId ?? ''));
    },
  });
  return {
    middleware: [documentSizeLimit, middleware],
    handleUpgrade: (req, upgraded, head) => socket.handleUpgrade(req, upgraded, head),
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
