import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ERROR_TABLE } from '../domain/errors';
import type { Logger } from './logger';

/** Codes graphql-js and Apollo set themselves for malformed requests; passed through as they are. */
const CLIENT_ERROR_CODES = new Set(['UNAUTHENTICATED', 'RATE_LIMITED', 'QUERY_TOO_COMPLEX', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

function appErrorIn(error: unknown): AppError | null {
  for (let current = error; current; current = (current as { originalError?: unknown }).originalError) {
    if (current instanceof AppError) return current;
  }
  return null;
}

/** Every error leaves with a stable `extensions.code` from the one table; unknown ones are masked. */
export function formatGraphqlError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const appError = appErrorIn(error);
    if (appError) {
      return {
        message: appError.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code: ERROR_TABLE[appError.code].graphql,
          reason: appError.code,
          ...(appError.field ? { field: appError.field } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return formatted;
    if (error instanceof GraphQLError && !error.originalError && !code) {
      // A graphql-js validation or coercion error without a code: it is the client's input.
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    logger.error({ err: error }, 'unexpected GraphQL error');
    return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
