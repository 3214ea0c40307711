import express, { type RequestHandler } from 'express';

export const BODY_LIMIT = '1mb';

/**
 * JSON bodies, whatever Content-Type the client set: VoIPBIN reads the body as JSON either way,
 * and `curl -d` sends form encoding unless told otherwise. Errors carry a `type` that
 * the REST error handler turns into 400 / 413.
 */
export const jsonBody = (): RequestHandler => express.json({ limit: BODY_LIMIT, strict: true, type: () => true });
