import type { ErrorRequestHandler } from 'express';

/**
 * Errors of /graphql's body parser (too large, not JSON) answered as GraphQL errors with a code,
 * not Express's HTML page. Recognised by the parser's stable `type`, never by message text.
 */
const BODY_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  'entity.too.large': { status: 413, message: 'The request body is too large (at most 1 MB).' },
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON.' },
};

export const graphqlBodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  if (!known || res.headersSent) return next(error);
  res.status(known.status).json({ errors: [{ message: known.message, extensions: { code: 'BAD_REQUEST' } }] });
};
