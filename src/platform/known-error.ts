import { AppError } from '../domain/errors';

/**
 * Every error any surface meets, as the one error type, or null when it is a defect (the
 * surface logs it and masks it as INTERNAL). Recognised by stable properties (types, codes,
 * statuses), never by message text. Every surface asks this one function.
 */
export function knownError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  return uniqueViolation(error) ?? outage(error) ?? clientHttpError(error);
}

type Shape = {
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
  name?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; constraint?: { index?: unknown; fields?: unknown } } } };
  cause?: unknown;
};
const shapeOf = (error: unknown): Shape => (typeof error === 'object' && error !== null ? (error as Shape) : {});

/** Postgres' unique_violation, however it arrived (Prisma model call, raw query, the pg pool). */
function uniqueViolation(error: unknown): AppError | null {
  const shape = shapeOf(error);
  const cause = shape.meta?.driverAdapterError?.cause;
  const unique = shape.code === 'P2002' || cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505' || shape.code === '23505';
  if (!unique) return null;
  const field = fieldOfConstraint(cause?.constraint?.fields, cause?.constraint?.index ?? (shape as { constraint?: unknown }).constraint);
  return new AppError('ALREADY_EXISTS', field ? `${field}: is already taken.` : 'It already exists.', field);
}

/** `users_username_key` → `username`: the column a unique index guards, as the client names it. */
function fieldOfConstraint(fields: unknown, index: unknown): string | undefined {
  if (Array.isArray(fields) && typeof fields[0] === 'string') return fields.join(',');
  if (typeof index !== 'string') return undefined;
  return /^[a-z]+_(.+?)_(?:key|idx|unique)$/.exec(index)?.[1]?.replace(/_live$/, '');
}

const OUTAGE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
const OUTAGE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const OUTAGE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** Postgres classes 08 (connection), 53 (resources) and 57P (operator intervention: shutdown). */
const OUTAGE_SQLSTATE = /^(08|53|57P)/;
const OUTAGE_NAMES = new Set(['MaxRetriesPerRequestError', 'PrismaClientInitializationError', 'PrismaClientRustPanicError']);

/** Postgres or Redis out of reach: the request may succeed later (503), it is not a defect. */
function outage(error: unknown): AppError | null {
  for (let current = error, hops = 0; current && hops < 5; current = shapeOf(current).cause, hops++) {
    const shape = shapeOf(current);
    const kind = shape.meta?.driverAdapterError?.cause?.kind;
    const code = typeof shape.code === 'string' ? shape.code : '';
    if (
      (typeof kind === 'string' && OUTAGE_KINDS.has(kind)) ||
      OUTAGE_PRISMA_CODES.has(code) ||
      OUTAGE_NET_CODES.has(code) ||
      (/^[0-9A-Z]{5}$/.test(code) && OUTAGE_SQLSTATE.test(code)) ||
      (typeof shape.name === 'string' && OUTAGE_NAMES.has(shape.name))
    ) {
      return new AppError('SERVICE_UNAVAILABLE', 'A service the API depends on is unavailable; try again shortly.');
    }
  }
  return null;
}

/** Messages for the 4xx errors of the HTTP stack (body parser, router), by their stable `type`. */
const BODY_ERRORS: Readonly<Record<string, () => AppError>> = {
  'entity.parse.failed': () => new AppError('MALFORMED_REQUEST', 'The request body is not valid JSON.', 'body'),
  'entity.too.large': () => new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large (at most 1 MB).', 'body'),
  'encoding.unsupported': () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported Content-Encoding (identity, gzip, deflate or br).', 'body'),
  'charset.unsupported': () => new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported charset.', 'body'),
  'request.aborted': () => new AppError('MALFORMED_REQUEST', 'The request body was not sent completely.', 'body'),
  'request.size.invalid': () => new AppError('MALFORMED_REQUEST', 'The request body does not match its Content-Length.', 'body'),
};

/**
 * Any other error that carries its own 4xx status (a malformed percent-escape in the path, a
 * body that is not the gzip its Content-Encoding claims): the client's fault, answered as such.
 */
function clientHttpError(error: unknown): AppError | null {
  const shape = shapeOf(error);
  if (typeof shape.type === 'string' && Object.hasOwn(BODY_ERRORS, shape.type)) return BODY_ERRORS[shape.type]!();
  const status = typeof shape.status === 'number' ? shape.status : typeof shape.statusCode === 'number' ? shape.statusCode : 0;
  if (status < 400 || status > 499) return null;
  if (error instanceof URIError) return new AppError('MALFORMED_REQUEST', 'The path holds a malformed percent-escape.', 'path');
  if (status === 413) return BODY_ERRORS['entity.too.large']!();
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', 'The request body cannot be read as sent.', 'body');
  if (typeof shape.code === 'string' && shape.code.startsWith('Z_')) {
    return new AppError('MALFORMED_REQUEST', 'The request body is not encoded as its Content-Encoding says.', 'body');
  }
  return new AppError('MALFORMED_REQUEST', 'The request could not be read.', 'body');
}
