import { GraphQLError, parse, specifiedRules, validate, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ExecutionArgs } from 'graphql';
import { credentialOf } from '../platform/credentials';
import { graphqlErrorOf } from '../platform/graphql-errors';
import { knownError } from '../platform/known-error';
import type { Logger } from '../platform/logger';
import type { GraphqlContext } from '../resolvers/context';
import type { Services } from '../services/services';
import { checkVariables } from './graphql-input-guard';
import { assertTokenCount, createCostCheck, MAX_QUERY_TOKENS, operationRules, type CostCheck } from './graphql-limits';
import { serveGraphqlWs } from './graphql-ws-server';
import { closeFor } from './socket-errors';

export interface GraphqlSocketDeps {
  schema: GraphQLSchema;
  services: Services;
  logger: Logger;
  introspection: boolean;
  stacktraces: boolean;
  contextFor(customerId: string): GraphqlContext;
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/**
 * The operation a graphql-ws client sent, checked as Apollo checks one over HTTP (tokens,
 * variables, validation with the same rules, cost), or the coded errors that refuse it.
 */
function checkedOperation(schema: GraphQLSchema, rules: ReturnType<typeof operationRules>, assertCost: CostCheck, payload: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null }): ExecutionArgs | readonly GraphQLError[] {
  try {
    assertTokenCount(payload.query);
    checkVariables(payload.variables);
    let document;
    try {
      document = parse(payload.query, { maxTokens: MAX_QUERY_TOKENS });
    } catch (error) {
      return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...rules]);
    if (invalid.length > 0) return invalid.map((error) => (error.originalError ? error : new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })));
    assertCost(payload.query, document, payload.variables ?? undefined, payload.operationName);
    return { schema, document, variableValues: payload.variables ?? undefined, operationName: payload.operationName ?? undefined };
  } catch (error) {
    return [graphqlErrorOf(error, false)];
  }
}

function connectionToken(params: Record<string, unknown> | undefined): string | null {
  if (!params) return null;
  for (const key of ['token', 'accesskey', 'accessKey', 'authorization', 'Authorization']) {
    const value = params[key];
    if (typeof value === 'string' && value) return value.replace(/^Bearer\s+/i, '');
  }
  return null;
}

/** graphql-ws on /graphql: authenticated at connection_init, every operation checked as over HTTP. */
export function createGraphqlSocket({ schema, services, logger, introspection, stacktraces, contextFor, formatError }: GraphqlSocketDeps) {
  const rules = operationRules(introspection);
  const assertCost = createCostCheck(schema);
  const formatAll = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  return serveGraphqlWs<Record<string, unknown> | undefined, { customerId?: string }>(
    {
      schema,
      onSubscribe: (_ctx, _id, payload) => checkedOperation(schema, rules, assertCost, payload),
      onConnect: async (ctx) => {
        const token = connectionToken(ctx.connectionParams) ?? credentialOf(ctx.extra.request.headers, ctx.extra.request.url);
        try {
          const principal = await services.auth.authenticate(token);
          ctx.extra.customerId = principal.customerId;
          return true;
        } catch (error) {
          if (!knownError(error)) logger.error({ err: error }, 'unexpected error authenticating a GraphQL socket');
          closeFor(ctx.extra.socket, error);
          return false;
        }
      },
      context: (ctx) => contextFor(ctx.extra.customerId as string),
      onError: (_ctx, _id, _payload, errors) => formatAll(errors),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors) } : undefined),
    },
    { logger, stacktraces },
  );
}
