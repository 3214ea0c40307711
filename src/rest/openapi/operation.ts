import { ref, type Schema } from './schema-kit';

/** One route of the REST layer as the document describes it. */
export interface Operation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** The full path, `{id}` style: `/v1.0/calls/{id}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** False for the routes that take no credentials. */
  auth?: boolean;
  query?: Record<string, Schema>;
  body?: Schema;
  bodyRequired?: boolean;
  /**
   * A credentialed route that never reads a body (the WebSocket upgrade, the recording file's
   * redirect): no 413/415 for one. Every other credentialed route reads a JSON body on any method.
   */
  readsNoBody?: true;
  ok: { status: number; description: string; schema?: Schema; headers?: Record<string, Schema> };
  /**
   * The error statuses this route answers besides the ones every route can (SHARED_ERRORS), 401
   * when it takes credentials, and 413/415 when it reads a body (BODY_ERRORS).
   */
  errors: readonly number[];
}

/**
 * What any request can be answered, whatever its route: before any route sees it, Node's HTTP
 * parser refuses one that is not HTTP/1.1 (400 MALFORMED_REQUEST) and one whose request line and
 * headers are over its limit (431 HEADERS_TOO_LARGE); then the rate limit, and a defect.
 */
export const SHARED_ERRORS = [400, 429, 431, 500] as const;

/** What a route that reads a body can answer besides: one over 1 MB (413), one it cannot decode (400, 415). */
export const BODY_ERRORS = [400, 413, 415] as const;

/** Whether the route reads a JSON body: one that takes a body, and every credentialed route but the few that read none. */
export const readsBody = (op: Operation): boolean => op.body !== undefined || (op.auth !== false && !op.readsNoBody);

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'Invalid request (INVALID_ARGUMENT): a malformed id, body or field, named in the message; or a request that is not HTTP/1.1 (MALFORMED_REQUEST).',
  401: 'No valid credentials (UNAUTHENTICATED).',
  403: 'Not allowed (PERMISSION_DENIED).',
  404: "Not found (NOT_FOUND); another customer's resource answers this too.",
  409: "The resource's state forbids it (FAILED_PRECONDITION).",
  413: 'The body is larger than 1 MB, or its chunk extensions are over the HTTP parser\'s limit (PAYLOAD_TOO_LARGE); on any method.',
  415: 'The body cannot be read as sent (an unsupported Content-Encoding or charset).',
  429: 'Too many requests (RESOURCE_EXHAUSTED); Retry-After says when to try again.',
  431: 'The request line and headers are over 16 KB together, e.g. a very long URL or header (HEADERS_TOO_LARGE).',
  500: 'Internal error (INTERNAL); the request_id identifies it.',
  503: 'A dependency is unavailable (UNAVAILABLE).',
};

const errorAnswer = (status: number) => ({
  description: ERROR_TEXT[status] ?? 'An error.',
  content: { 'application/json': { schema: ref('ErrorResponse') } },
});

export const PAGE_QUERY: Record<string, Schema> = {
  page_size: { type: 'integer', minimum: 1, description: 'Items per page: default 100, at most 100 (more is taken as 100).', example: 25 },
  page_token: { type: 'string', description: 'The next_page_token of the previous page.', example: '2026-01-15 09:30:00.000000' },
};

const pathParameters = (path: string) =>
  [...path.matchAll(/\{([a-z_]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: name === 'resource_type' ? { type: 'string', enum: ['calls', 'activeflows'] } : { type: 'string', format: 'uuid' },
    description: name === 'resource_type' ? 'The kind of resource.' : 'A UUID; anything else answers 400.',
  }));

/** The operation object of the OpenAPI document. */
export function operationObject(op: Operation): Record<string, unknown> {
  const statuses = [
    ...new Set([...op.errors, ...SHARED_ERRORS, ...(op.auth === false ? [] : [401]), ...(readsBody(op) ? BODY_ERRORS : [])]),
  ].sort();
  const ok = {
    description: op.ok.description,
    ...(op.ok.headers ? { headers: op.ok.headers } : {}),
    ...(op.ok.schema ? { content: { 'application/json': { schema: op.ok.schema } } } : {}),
  };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
    ...(op.auth === false ? { security: [] } : {}),
    parameters: [
      ...pathParameters(op.path),
      ...Object.entries(op.query ?? {}).map(([name, schema]) => ({ name, in: 'query', required: false, schema, description: schema.description })),
    ],
    ...(op.body ? { requestBody: { required: op.bodyRequired ?? false, content: { 'application/json': { schema: op.body } } } } : {}),
    responses: { [String(op.ok.status)]: ok, ...Object.fromEntries(statuses.map((status) => [String(status), errorAnswer(status)])) },
  };
}
