import { PAGE_QUERY, type Operation } from './operation';
import { input, int, list, oneOf, page, record, ref, str, time, uuid, ZERO_UUID_TEXT, type Schema } from './schema-kit';

const admin = 'Only the platform administrator (the bootstrap customer) may; anyone else gets 403. See docs/routing.md.';
const headers: Schema = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description:
    'SIP headers added to the INVITE of every attempt through the provider (PJSIP endpoints): at most 20, names RFC 3261 tokens other than the ones the SIP stack writes (Via, From, To, Call-ID …), values without line breaks.',
  example: { 'X-Account': 'acme' },
};
const codecs = str('Comma-separated codecs offered to the provider ("ulaw,alaw"; the SDP names PCMU and PCMA too); \'\' for the media server\'s own negotiation. Known: ulaw, alaw, g722, g729, gsm, g726, ilbc, opus, speex, slin, slin16.', 'ulaw,alaw');

const provider = record("A way out for outgoing tel calls (VoIPBIN's RouteManagerProvider), with the endpoint template it dials.", {
  id: uuid('The provider.'),
  type: oneOf(['sip'], 'The type: sip.', 'sip'),
  hostname: str('The host (a PJSIP endpoint name) the endpoint is made from when none is given.', 'carrier-a'),
  tech_prefix: str('Put before the number.', ''),
  tech_postfix: str('Put after the number.', ''),
  tech_headers: headers,
  endpoint: str('The media server endpoint; {target} is the dialled number (ours, not VoIPBIN\'s).', 'PJSIP/{target}@carrier-a'),
  metadata: { type: 'object', additionalProperties: true, description: 'Always {} (no carrier set-up here).', example: {} },
  name: str('Name.', 'Carrier A'),
  detail: str('Details.', 'Primary'),
  codecs,
  health_status: oneOf(['unknown'], 'Always unknown: no health probes here.', 'unknown'),
  health_checked_at: time('Never (no health probes).'),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_delete: time('Deleted.'),
});

const route = record("A destination prefix → a provider (VoIPBIN's RouteManagerRoute); the routes of one target are tried by priority.", {
  id: uuid('The route.'),
  customer_id: uuid('The customer whose calls take it; the all-zero UUID for a default route (every customer without a matching route of its own).', ZERO_UUID_TEXT),
  name: str('Name.', 'US via A'),
  detail: str('Details.', ''),
  provider_id: uuid('The provider.'),
  priority: int('Lower is tried first.', 1),
  target: str('"all", or the leading digits of the number without "+".', '1'),
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_delete: time('Deleted.'),
});

const anonymous = oneOf(['yes', 'no', 'auto'], 'The anonymous caller-id option asked for (default auto): kept on the record; caller-id privacy is not implemented, so the caller id is sent as given.', 'auto');

const providerCall = record("The administrator's test call through one provider (VoIPBIN's RouteManagerProviderCall): the request and the calls it made.", {
  id: uuid('The provider call.'),
  customer_id: uuid("The administrator's customer, who made it."),
  provider_id: uuid('The provider every call went through.'),
  flow_id: uuid('The flow run on answer (a saved one, or the temporary flow of the actions); the all-zero UUID for none.', ZERO_UUID_TEXT),
  source: ref('Address'),
  destinations: list(ref('Address'), 'The destinations, one call each.'),
  anonymous,
  call_ids: list(uuid('A call (GET /v1.0/calls/{id}).'), 'The calls made, one per destination.'),
  groupcall_ids: { type: 'array', maxItems: 0, items: uuid('A groupcall.'), description: 'Always empty: the destinations are phone numbers, one call each.' },
  tm_create: time('Created.'),
  tm_update: time('Last changed.'),
  tm_delete: time('Deleted.'),
});

export const ROUTING_SCHEMAS: Readonly<Record<string, Schema>> = { RouteManagerProvider: provider, RouteManagerRoute: route, RouteManagerProviderCall: providerCall };

const providerCallInput = input(
  'A test call through one provider: one call per destination, dialled through that provider alone (no route selection, no failover), from the source as given.',
  {
    provider_id: uuid('The provider to call through.'),
    flow_id: uuid('A saved flow of yours to run on answer.', ZERO_UUID_TEXT),
    actions: { type: 'array', items: ref('ActionInput'), description: 'Inline actions to run on answer, when no flow_id is given.' },
    source: ref('Address'),
    destinations: { type: 'array', minItems: 1, items: ref('Address'), description: 'Phone numbers (type tel) to call, one call each.' },
    anonymous,
  },
  ['provider_id', 'source', 'destinations'],
);

const providerInput = input('A provider: endpoint, or hostname to make one from (required on creation: name and one of the two). The fields given change.', {
  type: oneOf(['sip'], 'sip (the default).', 'sip'),
  hostname: str('A PJSIP endpoint name: the endpoint becomes PJSIP/<tech_prefix>{target}<tech_postfix>@<hostname>.', 'carrier-a'),
  tech_prefix: str('Before the number.', ''),
  tech_postfix: str('After the number.', ''),
  tech_headers: headers,
  codecs,
  endpoint: str('The endpoint template, {target} where the number goes.', 'PJSIP/{target}@carrier-a'),
  name: str('Name.', 'Carrier A'),
  detail: str('Details.', ''),
});

const routeInput = input('A route. The fields given change (not customer_id).', {
  customer_id: uuid('The customer; absent or the all-zero UUID: a default route.', ZERO_UUID_TEXT),
  name: str('Name.', 'US via A'),
  detail: str('Details.', ''),
  provider_id: uuid('The provider (required on creation).'),
  priority: int('0-10000, lower first (default 1).', 1),
  target: str('"all" or 1-15 leading digits ("+" optional; required on creation).', '1'),
});

const one = (schema: string, description: string) => ({ status: 200, description, schema: ref(schema) });

export const ROUTING_OPERATIONS: readonly Operation[] = [
  { method: 'post', path: '/v1.0/providers', tag: 'Provider', summary: 'Create a provider', description: admin, body: providerInput, bodyRequired: true, ok: one('RouteManagerProvider', 'The provider.'), errors: [400, 403] },
  { method: 'get', path: '/v1.0/providers', tag: 'Provider', summary: 'List providers', description: admin, query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('RouteManagerProvider') }, errors: [403] },
  { method: 'get', path: '/v1.0/providers/{id}', tag: 'Provider', summary: 'Get a provider', description: admin, ok: one('RouteManagerProvider', 'The provider.'), errors: [400, 403, 404] },
  { method: 'put', path: '/v1.0/providers/{id}', tag: 'Provider', summary: 'Change a provider', description: admin, body: providerInput, bodyRequired: true, ok: one('RouteManagerProvider', 'The provider.'), errors: [400, 403, 404] },
  { method: 'delete', path: '/v1.0/providers/{id}', tag: 'Provider', summary: 'Delete a provider no route uses', description: `${admin} 409 while routes use it.`, ok: one('RouteManagerProvider', 'The provider.'), errors: [400, 403, 404, 409] },
  {
    method: 'post',
    path: '/v1.0/providercalls',
    tag: 'ProviderCall',
    summary: 'Make a test call through one provider',
    description: `${admin} 404 for an unknown provider or flow.`,
    body: providerCallInput,
    bodyRequired: true,
    ok: one('RouteManagerProviderCall', 'The provider call, with its calls.'),
    errors: [400, 403, 404],
  },
  {
    method: 'get',
    path: '/v1.0/providercalls',
    tag: 'ProviderCall',
    summary: 'List provider calls',
    description: `${admin} Every customer's, newest first.`,
    query: { ...PAGE_QUERY, provider_id: uuid("Only this provider's.") },
    ok: { status: 200, description: 'A page.', schema: page('RouteManagerProviderCall') },
    errors: [400, 403],
  },
  { method: 'get', path: '/v1.0/providercalls/{id}', tag: 'ProviderCall', summary: 'Get a provider call', description: admin, ok: one('RouteManagerProviderCall', 'The provider call.'), errors: [400, 403, 404] },
  {
    method: 'delete',
    path: '/v1.0/providercalls/{id}',
    tag: 'ProviderCall',
    summary: 'Delete a provider call record',
    description: `${admin} The record goes; its calls stay.`,
    ok: one('RouteManagerProviderCall', 'The provider call.'),
    errors: [400, 403, 404],
  },
  { method: 'post', path: '/v1.0/routes', tag: 'Route', summary: 'Create a route', description: admin, body: routeInput, bodyRequired: true, ok: one('RouteManagerRoute', 'The route.'), errors: [400, 403, 404] },
  {
    method: 'get',
    path: '/v1.0/routes',
    tag: 'Route',
    summary: 'List routes',
    description: admin,
    query: { ...PAGE_QUERY, customer_id: uuid("Only this customer's routes; the all-zero UUID: the default routes.") },
    ok: { status: 200, description: 'A page.', schema: page('RouteManagerRoute') },
    errors: [403],
  },
  { method: 'get', path: '/v1.0/routes/{id}', tag: 'Route', summary: 'Get a route', description: admin, ok: one('RouteManagerRoute', 'The route.'), errors: [400, 403, 404] },
  { method: 'put', path: '/v1.0/routes/{id}', tag: 'Route', summary: 'Change a route', description: admin, body: routeInput, bodyRequired: true, ok: one('RouteManagerRoute', 'The route.'), errors: [400, 403, 404] },
  { method: 'delete', path: '/v1.0/routes/{id}', tag: 'Route', summary: 'Delete a route', description: admin, ok: one('RouteManagerRoute', 'The route.'), errors: [400, 403, 404] },
];
