import { ACCOUNT_OPERATIONS } from './account-operations';
import { CALL_OPERATIONS } from './call-operations';
import { SCHEMAS } from './components';
import { GROUPCALL_OPERATIONS } from './groupcall-operations';
import { operationObject, type Operation } from './operation';
import { RESOURCE_OPERATIONS } from './resource-operations';
import { TRANSFER_OPERATIONS, TRANSFER_SCHEMAS } from './transfer-operations';
import { ROUTING_OPERATIONS, ROUTING_SCHEMAS } from './routing-operations';

/** Every route the REST layer serves under /v1.0, and /auth/login. */
export const OPERATIONS: readonly Operation[] = [...CALL_OPERATIONS, ...GROUPCALL_OPERATIONS, ...RESOURCE_OPERATIONS, ...TRANSFER_OPERATIONS, ...ROUTING_OPERATIONS, ...ACCOUNT_OPERATIONS];

const DESCRIPTION = `The REST layer of OpenCall, compatible with VoIPBIN's /v1.0 API: where VoIPBIN's published
document has a route, its request fields and answer fields are kept (with this product's additions);
the rest (webhook endpoints, call events, DTMF, users) are this product's own.

Credentials: an access key or a login JWT as \`Authorization: Bearer <key>\`, \`?token=\`, \`?accesskey=\`
or a \`token\` cookie.

Timestamps are strings in VoIPBIN's documented form, "2006-01-02 15:04:05.000000" in UTC, and
"9999-01-01 00:00:00.000000" for a moment that has not happened yet (VoIPBIN's clients read them as
strings). Ids are UUIDs; "none" is the all-zero UUID, 00000000-0000-0000-0000-000000000000.

Lists answer {"result": [...], "next_page_token": "..."}, newest first; pass next_page_token as
page_token for the next page, until a page comes back empty. Errors answer
{"error": {"status", "reason", "message", "request_id"}}.`;

function paths(): Record<string, Record<string, unknown>> {
  const byPath: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (byPath[op.path] ??= {})[op.method] = operationObject(op);
  return byPath;
}

/** The OpenAPI 3.1 document of the REST layer, built once from the operations above. */
export const OPENAPI_DOCUMENT = Object.freeze({
  openapi: '3.1.0',
  info: { title: 'OpenCall REST API (VoIPBIN-compatible)', version: '1.0.0', description: DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
  servers: [{ url: '/', description: 'This server' }],
  security: [{ bearer: [] }, { token: [] }, { accesskey: [] }],
  tags: [...new Set(OPERATIONS.map((op) => op.tag))].map((name) => ({ name })),
  paths: paths(),
  components: {
    schemas: { ...SCHEMAS, ...TRANSFER_SCHEMAS, ...ROUTING_SCHEMAS },
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'An access key or a login JWT.' },
      token: { type: 'apiKey', in: 'query', name: 'token' },
      accesskey: { type: 'apiKey', in: 'query', name: 'accesskey' },
    },
  },
});
