/**
 * The one error type of the product. Every surface maps a code through ERROR_TABLE:
 * GraphQL puts `graphql` in `extensions.code`, REST answers `http` with `status` and `reason`.
 */
export type ErrorCode = keyof typeof ERROR_TABLE;

export const ERROR_TABLE = {
  INVALID_ARGUMENT: { http: 400, status: 'INVALID_ARGUMENT', graphql: 'BAD_USER_INPUT' },
  INVALID_ADDRESS: { http: 400, status: 'INVALID_ARGUMENT', graphql: 'BAD_USER_INPUT' },
  UNAUTHENTICATED: { http: 401, status: 'UNAUTHENTICATED', graphql: 'UNAUTHENTICATED' },
  PERMISSION_DENIED: { http: 403, status: 'PERMISSION_DENIED', graphql: 'FORBIDDEN' },
  NOT_FOUND: { http: 404, status: 'NOT_FOUND', graphql: 'NOT_FOUND' },
  CALL_NOT_FOUND: { http: 404, status: 'NOT_FOUND', graphql: 'NOT_FOUND' },
  FLOW_NOT_FOUND: { http: 404, status: 'NOT_FOUND', graphql: 'NOT_FOUND' },
  CALL_ALREADY_HUNGUP: { http: 409, status: 'FAILED_PRECONDITION', graphql: 'CONFLICT' },
  CONFLICT: { http: 409, status: 'FAILED_PRECONDITION', graphql: 'CONFLICT' },
  CALL_NOT_PROGRESSING: { http: 409, status: 'FAILED_PRECONDITION', graphql: 'CONFLICT' },
  PAYLOAD_TOO_LARGE: { http: 413, status: 'INVALID_ARGUMENT', graphql: 'BAD_USER_INPUT' },
  RATE_LIMITED: { http: 429, status: 'RESOURCE_EXHAUSTED', graphql: 'RATE_LIMITED' },
  INTERNAL: { http: 500, status: 'INTERNAL', graphql: 'INTERNAL_SERVER_ERROR' },
  UNAVAILABLE: { http: 503, status: 'UNAVAILABLE', graphql: 'SERVICE_UNAVAILABLE' },
} as const;

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
  new AppError('INVALID_ARGUMENT', `${field}: ${message}`, field);
