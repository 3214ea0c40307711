import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** A sane client X-Request-Id, or a new one. */
export const requestIdOf = (given: string | string[] | undefined): string =>
  typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : `req_${randomUUID()}`;

/** Echoes a sane client X-Request-Id or makes one; every log line and error body carries it. */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const id = requestIdOf(req.header('x-request-id'));
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
}
