import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { AppError, ERROR_TABLE, internalError } from '../domain/errors';
import { knownError } from '../platform/known-error';
import type { Logger } from '../platform/logger';

/** VoIPBIN's error body, exactly its four fields; a field at fault starts the message (`page_size: …`). */
export interface ErrorEnvelope {
  error: { status: string; reason: string; message: string; request_id: string };
}

export function errorEnvelope(error: AppError, requestId: string): ErrorEnvelope {
  return { error: { status: ERROR_TABLE[error.code].status, reason: error.code, message: error.message, request_id: requestId } };
}

const requestIdOf = (res: Response): string => String(res.locals.requestId ?? '');

/** REST's one error mapper: known errors answer their table entry, the rest are logged and masked. */
export function restErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(res);
    let known = knownError(error);
    if (!known || known.code === 'INTERNAL' || known.code === 'SERVICE_UNAVAILABLE') {
      logger.error({ err: error, requestId, method: req.method, path: `${req.baseUrl}${req.path}` }, known ? 'a dependency failed in a REST request' : 'unexpected error in a REST request');
    }
    known ??= internalError();
    if (known.code === 'UNAUTHENTICATED') res.setHeader('WWW-Authenticate', 'Bearer');
    if (known.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(known.retryAfterSeconds));
    res.status(ERROR_TABLE[known.code].http).json(errorEnvelope(known, requestId));
  };
}

/** Every path under /v1.0 that no route took. */
export function routeNotFound(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('ROUTE_NOT_FOUND', `There is no route ${req.method} ${req.baseUrl}${req.path}.`));
}
