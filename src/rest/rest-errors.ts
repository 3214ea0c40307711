import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { AppError, ERROR_TABLE } from '../domain/errors';
import type { Logger } from '../platform/logger';

/** VoIPBIN's error body. */
export interface ErrorEnvelope {
  error: { status: string; reason: string; message: string; request_id: string };
}

export function errorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  return { error: { status: ERROR_TABLE[error.code].status, reason: error.code, message: error.message, request_id: requestId } };
}

/** Errors of the body parser, by their stable `type` (never by message text). */
const BODY_ERRORS: Readonly<Record<string, () => AppError>> = {
  'entity.parse.failed': () => new AppError('INVALID_ARGUMENT', 'The request body is not valid JSON.', 'body'),
  'entity.too.large': () => new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large (at most 1 MB).', 'body'),
  'entity.verify.failed': () => new AppError('INVALID_ARGUMENT', 'The request body could not be read.', 'body'),
  'encoding.unsupported': () => new AppError('INVALID_ARGUMENT', 'The request body has an unsupported content encoding.', 'body'),
  'charset.unsupported': () => new AppError('INVALID_ARGUMENT', 'The request body has an unsupported charset.', 'body'),
  'request.aborted': () => new AppError('INVALID_ARGUMENT', 'The request body was not sent completely.', 'body'),
  'request.size.invalid': () => new AppError('INVALID_ARGUMENT', 'The request body does not match its Content-Length.', 'body'),
};

function asAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && Object.hasOwn(BODY_ERRORS, type) ? BODY_ERRORS[type]!() : null;
}

const requestIdOf = (res: Response): string => String(res.locals.requestId ?? '');

/** The last handler of /v1.0: known errors answer their table entry, the rest are logged and masked. */
export function restErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(res);
    let known = asAppError(error);
    if (!known) {
      logger.error({ err: error, requestId, method: req.method, path: `${req.baseUrl}${req.path}` }, 'unexpected error in a REST request');
      known = new AppError('INTERNAL', 'An internal error occurred; the request id identifies it to support.');
    }
    if (known.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (known.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(known.retryAfterSeconds));
    res.status(ERROR_TABLE[known.code].http).json(errorEnvelope(known, requestId));
  };
}

/** Every path under /v1.0 that no route took. */
export function routeNotFound(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('NOT_FOUND', `There is no route ${req.method} ${req.baseUrl}${req.path}.`));
}
