import type { ErrorRequestHandler } from 'express';
import { ERROR_TABLE, internalError } from '../domain/errors';
import { knownError } from '../platform/known-error';
import type { Logger } from '../platform/logger';

/**
 * Errors on /graphql before Apollo runs (the body parser, the rate limit) answered as GraphQL
 * errors with the table's code and status, not Express's HTML page.
 */
export function graphqlHttpErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = knownError(error);
    if (!known) logger.error({ err: error }, 'unexpected error on /graphql');
    const answer = known ?? internalError();
    if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
    res.status(ERROR_TABLE[answer.code].http).json({ errors: [{ message: answer.message, extensions: { code: answer.code, ...(answer.field ? { field: answer.field } : {}) } }] });
  };
}
