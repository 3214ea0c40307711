import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, ERROR_TABLE, internalError, type ErrorCode } from '../domain/errors';
import { graphqlFieldPath } from '../domain/field-path';
import { knownError } from './known-error';
import type { Logger } from './logger';

/** Codes Apollo sets for requests it cannot take, as the table names them. */
const APOLLO_CODES: Readonly<Record<string, ErrorCode>> = {
  BAD_USER_INPUT: 'VALIDATION_FAILED',
  BAD_REQUEST: 'MALFORMED_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'MALFORMED_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'MALFORMED_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'MALFORMED_REQUEST',
};

function appErrorIn(error: unknown): AppError | null {
  for (let current = error, hops = 0; current && hops < 5; current = (current as { originalError?: unknown }).originalError, hops++) {
    const known = current instanceof GraphQLError ? null : knownError(current);
    if (known) return known;
  }
  return null;
}

/** A protocol error of graphql-js or Apollo (parse, validation, variables), by its code. */
function protocolCode(formatted: GraphQLFormattedError, error: unknown): ErrorCode | null {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && Object.hasOwn(ERROR_TABLE, code)) return code as ErrorCode;
  if (typeof code === 'string' && Object.hasOwn(APOLLO_CODES, code)) return APOLLO_CODES[code]!;
  // A graphql-js validation or coercion error without a code: it is the client's input.
  if (error instanceof GraphQLError && !error.originalError && !code) return 'VALIDATION_FAILED';
  return null;
}

/** graphql-js's "Did you mean …?" hints, which would spell out the schema to a client not allowed to see it. */
const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean(.+?)\?$/, '');

/**
 * GraphQL's one error mapper (HTTP and graphql-ws): the code in `extensions.code`, unknown errors
 * masked; `hideSuggestions` when introspection is off.
 */
export function formatGraphqlError(logger: Logger, { hideSuggestions = false } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (hideSuggestions) return formatCoded({ ...formatted, message: withoutSuggestions(formatted.message) }, error, logger);
    return formatCoded(formatted, error, logger);
  };
}

/**
 * The field at fault as the GraphQL input names it, and the message that starts with it. The
 * domain names fields in REST's spelling; graphqlFieldPath is the one mapping to GraphQL's. A field
 * the GraphQL layer named itself before execution (the variables and literal checks: already
 * extensions.field) is the client's own path and kept.
 */
function inGraphqlNames(appError: AppError, formatted: GraphQLFormattedError): { message: string; field?: string } {
  const restField = appError.field;
  if (!restField) return { message: appError.message };
  const given = formatted.extensions?.field;
  if (typeof given === 'string') return { message: appError.message, field: given };
  const field = graphqlFieldPath(restField);
  const message = appError.message.startsWith(`${restField}: `) ? `${field}${appError.message.slice(restField.length)}` : appError.message;
  return { message, field };
}

function formatCoded(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const stacktrace = formatted.extensions?.stacktrace;
  const position = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  const debug = stacktrace ? { stacktrace } : {};
  const appError = appErrorIn(error);
  if (appError) {
    if (appError.code === 'INTERNAL' || appError.code === 'SERVICE_UNAVAILABLE') logger.error({ err: error }, 'a dependency failed in a GraphQL operation');
    const { message, field } = inGraphqlNames(appError, formatted);
    return { message, ...position, extensions: { code: appError.code, ...(field ? { field } : {}), ...debug } };
  }
  const code = protocolCode(formatted, error);
  if (code) return { message: formatted.message, ...position, extensions: { code, ...debug } };
  logger.error({ err: error }, 'unexpected GraphQL error');
  return { message: internalError().message, ...position, extensions: { code: 'INTERNAL', ...debug } };
}

/**
 * An error raised before execution (authentication, limits, the input check) as a GraphQLError;
 * over HTTP it carries its status for Apollo (graphql-ws has none to carry).
 */
export function graphqlErrorOf(error: unknown, overHttp = true): GraphQLError {
  const known = knownError(error) ?? internalError();
  const headers = known.retryAfterSeconds !== undefined ? new Map([['retry-after', String(known.retryAfterSeconds)]]) : undefined;
  const http = { status: ERROR_TABLE[known.code].http, ...(headers ? { headers } : {}) };
  return new GraphQLError(known.message, {
    originalError: known,
    extensions: { code: known.code, ...(known.field ? { field: known.field } : {}), ...(overHttp ? { http } : {}) },
  });
}
