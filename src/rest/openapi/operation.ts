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
  ok: { status: number; description: string; schema?: Schema; headers?: Record<string, Schema> };
  /** The error statuses this route answers besides 401, 429 and 500 (and 400/413/415 for a body, 400 for a query). */
  errors: readonly number[];
}

const ERROR_TEXT: Readonly<Record<number, string>> = {
  400: 'Invalid request (INVALID_ARGUMENT): a malformed id, body or field, named in the message.',
  401: 'No valid credentials (UNAUTHENTICATED).',
  403: 'Not allowed (PERMISSION_DENIED).',
  404: "Not found (NOT_FOUND); another customer's resource answers this too.",
  409: "The resource's state forbids it (FAILED_PRECONDITION).",
  413: 'The body is larger than 1 MB.',
  415: 'The body cannot be read as sent (an unsupported Content-Encoding or charset).',
  429: 'Too many requests (RESOURCE_EXHAUSTED); Retry-After says when to try again.',
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
    ...new Set([...op.errors, ...(op.auth === false ? [] : [401]), ...(op.body ? [400, 413, 415] : []), ...(op.query ? [400] : []), 429, 500]),
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
