/**
 * The one error type of the product and its one table. A code is what clients branch on; each
 * surface maps it once: REST answers `http` with VoIPBIN's `status` class and the code as
 * `reason`, GraphQL puts the code in `extensions.code`, a WebSocket closes with
 * `4000 + http`. docs/errors.md lists every code.
 */
export type ErrorCode = keyof typeof ERROR_TABLE;

type Entry = { readonly http: number; readonly status: string };
const entry = (http: number, status: string): Entry => ({ http, status });
const invalid = entry(400, 'INVALID_ARGUMENT');
const notFound = entry(404, 'NOT_FOUND');
const precondition = entry(409, 'FAILED_PRECONDITION');

export const ERROR_TABLE = {
  VALIDATION_FAILED: invalid,
  INVALID_ADDRESS: invalid,
  GROUPCALL_TOO_DEEP: invalid,
  GROUPCALL_TOO_MANY_LEGS: invalid,
  MALFORMED_REQUEST: invalid,
  JSON_TOO_DEEP: invalid,
  QUERY_TOO_DEEP: invalid,
  QUERY_TOO_COMPLEX: invalid,
  QUERY_TOO_LARGE: invalid,
  TOO_MANY_ALIASES: invalid,
  GRAPHQL_PARSE_FAILED: invalid,
  GRAPHQL_VALIDATION_FAILED: invalid,
  PAYLOAD_TOO_LARGE: entry(413, 'INVALID_ARGUMENT'),
  UNSUPPORTED_MEDIA_TYPE: entry(415, 'INVALID_ARGUMENT'),
  UNAUTHENTICATED: entry(401, 'UNAUTHENTICATED'),
  PERMISSION_DENIED: entry(403, 'PERMISSION_DENIED'),
  ROUTE_NOT_FOUND: notFound,
  CALL_NOT_FOUND: notFound,
  GROUPCALL_NOT_FOUND: notFound,
  FLOW_NOT_FOUND: notFound,
  NUMBER_NOT_FOUND: notFound,
  USER_NOT_FOUND: notFound,
  ACCESS_KEY_NOT_FOUND: notFound,
  CUSTOMER_NOT_FOUND: notFound,
  RECORDING_NOT_FOUND: notFound,
  ACTIVEFLOW_NOT_FOUND: notFound,
  WEBHOOK_NOT_FOUND: notFound,
  TRANSFER_NOT_FOUND: notFound,
  PROVIDER_NOT_FOUND: notFound,
  PROVIDER_CALL_NOT_FOUND: notFound,
  DIAL_ROUTE_NOT_FOUND: notFound,
  ALREADY_EXISTS: entry(409, 'ALREADY_EXISTS'),
  CALL_ALREADY_HUNGUP: precondition,
  GROUPCALL_ALREADY_HUNGUP: precondition,
  CALL_NOT_ANSWERED: precondition,
  CALL_ENDING: precondition,
  CALL_ALREADY_RECORDING: precondition,
  CALL_NOT_RECORDING: precondition,
  MASTER_CALL_NOT_DIALING: precondition,
  RECORDING_NOT_ENDED: precondition,
  FLOW_NOT_EDITABLE: precondition,
  CUSTOMER_IS_YOURS: precondition,
  CONCURRENT_CHANGE: precondition,
  CALL_NOT_BRIDGED: precondition,
  TRANSFER_IN_PROGRESS: precondition,
  TRANSFER_ENDED: precondition,
  PROVIDER_IN_USE: precondition,
  RATE_LIMITED: entry(429, 'RESOURCE_EXHAUSTED'),
  INTERNAL: entry(500, 'INTERNAL'),
  SERVICE_UNAVAILABLE: entry(503, 'UNAVAILABLE'),
} as const satisfies Record<string, Entry>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, as the client spelled it (e.g. `destinations[1].target`). */
    readonly field?: string,
    /** For RATE_LIMITED: seconds until the client may try again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalidArgument = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', `${field}: ${message}`, field);

export const httpStatusOf = (code: ErrorCode): number => ERROR_TABLE[code].http;

/** A "no such thing of yours" error: GraphQL's single-item queries answer null for it. */
export const isNotFound = (error: unknown): boolean => error instanceof AppError && httpStatusOf(error.code) === 404;

/** The WebSocket close code of an error: 4000 + its HTTP status (4401, 4429, 4503 …). */
export const closeCodeOf = (code: ErrorCode): number => 4000 + httpStatusOf(code);

/** What a client may be told of an unexpected error: nothing but that it happened. */
export const internalError = (): AppError => new AppError('INTERNAL', 'An internal error occurred; the request id identifies it to support.');
