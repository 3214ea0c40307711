import { PAGE_QUERY, type Operation } from './operation';
import { input, int, oneOf, page, ref, str } from './schema-kit';

const customerInput = input('A customer.', {
  name: str('Name (required on creation).', 'Acme Corporation'),
  detail: str('Details.', ''),
  email: str('Contact email.', 'admin@acme.com'),
  phone_number: str('Contact phone number.', '+14155551234'),
  address: str('Postal address.', ''),
  webhook_method: oneOf(['', 'POST', 'GET', 'PUT', 'DELETE'], 'The HTTP method of deliveries to webhook_uri (default POST).', 'POST'),
  webhook_uri: str("Where every event of the customer is delivered; '' for none.", 'https://api.acme.com/webhooks/voipbin'),
});

const accessKeyInput = input('An access key.', {
  name: str('Name.', 'Production'),
  detail: str('Details.', 'For the billing service'),
  expire: int('Seconds until it stops working; absent: until expired or deleted.', 31536000),
});

const one = (schema: string, description: string) => ({ status: 200, description, schema: ref(schema) });
const admin = 'Only the platform administrator (the bootstrap customer) may; anyone else gets 403.';

export const ACCOUNT_OPERATIONS: readonly Operation[] = [
  { method: 'post', path: '/v1.0/customers', tag: 'Customer', summary: 'Create a customer', description: admin, body: customerInput, bodyRequired: true, ok: one('CreatedCustomer', 'The customer and its first access key.'), errors: [400, 403] },
  { method: 'get', path: '/v1.0/customers', tag: 'Customer', summary: 'List customers', description: admin, query: PAGE_QUERY, ok: { status: 200, description: 'Every customer.', schema: page('Customer') }, errors: [403] },
  { method: 'get', path: '/v1.0/customers/{id}', tag: 'Customer', summary: 'Get a customer', description: admin, ok: one('Customer', 'The customer.'), errors: [400, 403, 404] },
  { method: 'put', path: '/v1.0/customers/{id}', tag: 'Customer', summary: 'Change a customer', description: `${admin} The fields given change; a new webhook_uri answers its webhook_secret once.`, body: customerInput, bodyRequired: true, ok: one('Customer', 'The customer.'), errors: [400, 403, 404] },
  { method: 'delete', path: '/v1.0/customers/{id}', tag: 'Customer', summary: 'Delete a customer (its keys stop at once)', description: admin, ok: one('Customer', 'The customer.'), errors: [400, 403, 404, 409] },
  { method: 'get', path: '/v1.0/customer', tag: 'Customer', summary: "The caller's own customer", ok: one('Customer', 'The customer.'), errors: [] },
  {
    method: 'put',
    path: '/v1.0/customer',
    tag: 'Customer',
    summary: "Change the caller's own customer",
    description:
      "The fields given change. webhook_uri (and webhook_method) is where every event of the customer is delivered: signed with X-VoIPBIN-Signature, retried, in order per resource, exactly as /v1.0/webhooks endpoints get them. A new webhook_uri answers its webhook_secret this once; '' removes it.",
    body: customerInput,
    bodyRequired: true,
    ok: one('Customer', 'The customer.'),
    errors: [400],
  },
  { method: 'get', path: '/v1.0/me', tag: 'Me', summary: 'Who the credentials are', ok: one('Me', 'The user or access key behind the request.'), errors: [] },
  { method: 'post', path: '/v1.0/users', tag: 'User', summary: 'Add a user', body: input('A user.', { username: str('Login name.', 'alice@example.com'), password: str('At least 8 characters.', 'correct horse battery') }, ['username', 'password']), bodyRequired: true, ok: one('User', 'The user.'), errors: [400, 409] },
  { method: 'get', path: '/v1.0/users', tag: 'User', summary: 'List users', query: PAGE_QUERY, ok: { status: 200, description: 'Every user.', schema: page('User') }, errors: [] },
  { method: 'delete', path: '/v1.0/users/{id}', tag: 'User', summary: 'Remove a user', ok: one('User', 'The user.'), errors: [400, 404] },
  { method: 'post', path: '/v1.0/accesskeys', tag: 'Accesskey', summary: 'Create an access key', body: accessKeyInput, ok: one('AccessKey', 'The key, with its token (shown this once).'), errors: [400] },
  { method: 'get', path: '/v1.0/accesskeys', tag: 'Accesskey', summary: 'List access keys', query: PAGE_QUERY, ok: { status: 200, description: 'Every key (without tokens).', schema: page('AccessKey') }, errors: [] },
  { method: 'get', path: '/v1.0/accesskeys/{id}', tag: 'Accesskey', summary: 'Get an access key', ok: one('AccessKey', 'The key.'), errors: [400, 404] },
  { method: 'put', path: '/v1.0/accesskeys/{id}', tag: 'Accesskey', summary: "Change an access key's name and details", body: input('The fields to change.', { name: str('Name.', 'Production'), detail: str('Details.', 'For the billing service') }), bodyRequired: true, ok: one('AccessKey', 'The key.'), errors: [400, 404] },
  { method: 'post', path: '/v1.0/accesskeys/{id}/expire', tag: 'Accesskey', summary: 'Expire an access key now', ok: one('AccessKey', 'The key.'), errors: [400, 404] },
  { method: 'delete', path: '/v1.0/accesskeys/{id}', tag: 'Accesskey', summary: 'Delete an access key', ok: one('AccessKey', 'The key.'), errors: [400, 404] },
  {
    method: 'post',
    path: '/auth/login',
    tag: 'Auth',
    summary: 'Log in with a username and password',
    description: 'Outside /v1.0, as VoIPBIN serves it. The token works wherever an access key does.',
    auth: false,
    body: input('Credentials.', { username: str('Login name.', 'alice@example.com'), password: str('Password.', 'correct horse battery') }, ['username', 'password']),
    bodyRequired: true,
    ok: one('LoginAnswer', 'A JWT.'),
    errors: [400, 401],
  },
  {
    method: 'get',
    path: '/v1.0/ws',
    tag: 'Websocket',
    summary: 'Event stream over WebSocket',
    description:
      'Upgrade with credentials (e.g. ?token=), then send {"type":"subscribe","topics":["customer_id:<id>:call:*"]}; each event arrives as {"type":"<event>","data":<resource>}. Without an upgrade the path answers 404.',
    readsNoBody: true,
    ok: { status: 101, description: 'Switching Protocols: the socket is open.' },
    errors: [404],
  },
  {
    method: 'get',
    path: '/v1.0/openapi.json',
    tag: 'Documentation',
    summary: 'This document',
    auth: false,
    ok: { status: 200, description: 'The OpenAPI 3.1 document of the REST layer.', schema: { type: 'object', required: ['openapi', 'paths'] } },
    errors: [],
  },
];
