import express, { type RequestHandler } from 'express';
import { AppError } from '../domain/errors';
import { checkClientJson } from '../domain/json-input';

export const BODY_LIMIT = '1mb';

/**
 * JSON bodies, whatever Content-Type the client set: VoIPBIN reads the body as JSON either way,
 * and `curl -d` sends form encoding unless told otherwise. Errors carry a `type` that
 * the REST error handler turns into 400 / 413.
 */
export const jsonBody = (): RequestHandler[] => [express.json({ limit: BODY_LIMIT, strict: true, type: () => true }), objectBody];

/**
 * Every route takes a JSON object (or nothing): an array or a bare value is refused here, and
 * so is one nested too deep or holding text Postgres cannot store faithfully (the one boundary
 * check, before any route reads the body).
 */
const objectBody: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (body !== undefined && !isObject) return next(new AppError('VALIDATION_FAILED', 'body: must be a JSON object.', 'body'));
  if (body !== undefined) checkClientJson(body);
  next();
};
