import { PAGE_QUERY, type Operation } from './operation';
import { input, list, page, ref, str, uuid, ZERO_UUID_TEXT } from './schema-kit';

const flowInput = input('A flow.', {
  name: str('Name.', 'Inbound handler'),
  detail: str('Description.', ''),
  actions: list(ref('ActionInput'), 'The actions, in order (ids are given where missing).'),
  on_complete_flow_id: uuid('The flow that runs after this one ends; the all-zero UUID for none.', ZERO_UUID_TEXT),
});

const numberInput = input('A phone number.', {
  number: str('E.164 (on creation only).', '+14155551234'),
  call_flow_id: uuid('The flow incoming calls run; the all-zero UUID for none.'),
  flow_id: uuid('The same as call_flow_id (the documentation\'s older name).'),
  message_flow_id: uuid('The flow incoming messages would run (stored only).', ZERO_UUID_TEXT),
  name: str('Name.', 'Support line'),
  detail: str('Details.', ''),
});

const webhookInput = input('A webhook endpoint.', {
  name: str('Name.', 'Order system'),
  url: str('http(s) URL; private addresses are refused unless the operator allows them.', 'https://example.com/hooks/voipbin'),
  events: list(str('An event name, or *.', 'call_hungup'), 'The events to deliver; absent, [] or ["*"]: all.'),
  status: { type: 'string', enum: ['active', 'disabled'], description: 'Disabled ones get nothing.', example: 'active' },
  secret: str('16-255 printable characters; generated when absent.', 'a-long-shared-secret'),
});

const one = (schema: string, description: string) => ({ status: 200, description, schema: ref(schema) });

export const RESOURCE_OPERATIONS: readonly Operation[] = [
  { method: 'get', path: '/v1.0/recordings', tag: 'Recording', summary: 'List recordings', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Recording') }, errors: [400] },
  { method: 'get', path: '/v1.0/recordings/{id}', tag: 'Recording', summary: 'Get a recording', ok: one('Recording', 'The recording.'), errors: [400, 404] },
  { method: 'delete', path: '/v1.0/recordings/{id}', tag: 'Recording', summary: 'Delete a recording and its file', ok: one('Recording', 'The recording.'), errors: [400, 404, 409] },
  {
    method: 'get',
    path: '/v1.0/recordingfiles/{id}',
    tag: 'Recording',
    summary: "Download a recording's file",
    readsNoBody: true,
    ok: { status: 307, description: 'A redirect to a freshly signed download URL.', headers: { Location: { description: 'The signed URL (valid for an hour).', schema: { type: 'string' } } } },
    errors: [400, 404, 409],
  },
  {
    method: 'get',
    path: '/v1.0/recordingfiles/{id}/download',
    tag: 'Recording',
    summary: 'The file behind a signed URL',
    description: 'Takes no credentials: the signature in the query is the permission.',
    auth: false,
    query: { expires: { type: 'string', description: 'Unix seconds.', example: '1768470600' }, signature: { type: 'string', description: 'HMAC of the id and expiry.', example: '9f2c' } },
    ok: { status: 200, description: 'The audio file (audio/wav, audio/mpeg or audio/ogg).' },
    errors: [400, 403, 404],
  },
  { method: 'get', path: '/v1.0/activeflows', tag: 'Activeflow', summary: 'List activeflows', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Activeflow') }, errors: [400] },
  { method: 'get', path: '/v1.0/activeflows/{id}', tag: 'Activeflow', summary: 'Get an activeflow', ok: one('Activeflow', 'The activeflow.'), errors: [400, 404] },
  { method: 'post', path: '/v1.0/activeflows/{id}/stop', tag: 'Activeflow', summary: 'Stop an activeflow', description: 'Its call is hung up, as at the end of a flow.', ok: one('Activeflow', 'The activeflow, ended.'), errors: [400, 404] },
  { method: 'delete', path: '/v1.0/activeflows/{id}', tag: 'Activeflow', summary: 'Delete an activeflow', description: 'Stops it first if it runs (its call is hung up); then it answers 404.', ok: { status: 204, description: 'Deleted.' }, errors: [400, 404] },
  {
    method: 'get',
    path: '/v1.0/timelines/{resource_type}/{resource_id}/events',
    tag: 'Timeline',
    summary: "A resource's timeline",
    description: 'Every event of a call or an activeflow, oldest first, each with the resource as it was right after (as webhooks carry it).',
    query: { page_size: PAGE_QUERY.page_size!, page_token: { type: 'string', description: 'The next_page_token of the previous page.', example: '5' } },
    ok: { status: 200, description: 'The events.', schema: page('TimelineEvent') },
    errors: [400, 404],
  },
  { method: 'post', path: '/v1.0/flows', tag: 'Flow', summary: 'Create a flow', body: flowInput, bodyRequired: true, ok: one('Flow', 'The flow.'), errors: [400, 404, 413] },
  { method: 'get', path: '/v1.0/flows', tag: 'Flow', summary: 'List flows', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Flow') }, errors: [400] },
  { method: 'get', path: '/v1.0/flows/{id}', tag: 'Flow', summary: 'Get a flow', ok: one('Flow', 'The flow.'), errors: [400, 404] },
  { method: 'put', path: '/v1.0/flows/{id}', tag: 'Flow', summary: 'Change a flow', body: flowInput, bodyRequired: true, ok: one('Flow', 'The flow.'), errors: [400, 404] },
  { method: 'delete', path: '/v1.0/flows/{id}', tag: 'Flow', summary: 'Delete a flow', ok: one('Flow', 'The flow.'), errors: [400, 404, 409] },
  { method: 'post', path: '/v1.0/numbers', tag: 'Number', summary: 'Register a number', body: numberInput, bodyRequired: true, ok: one('Number', 'The number.'), errors: [400, 404, 409] },
  { method: 'get', path: '/v1.0/numbers', tag: 'Number', summary: 'List numbers', query: PAGE_QUERY, ok: { status: 200, description: 'A page.', schema: page('Number') }, errors: [400] },
  { method: 'get', path: '/v1.0/numbers/{id}', tag: 'Number', summary: 'Get a number', ok: one('Number', 'The number.'), errors: [400, 404] },
  { method: 'put', path: '/v1.0/numbers/{id}', tag: 'Number', summary: 'Change a number', body: numberInput, bodyRequired: true, ok: one('Number', 'The number.'), errors: [400, 404] },
  {
    method: 'put',
    path: '/v1.0/numbers/{id}/flow_ids',
    tag: 'Number',
    summary: "Change a number's flows",
    body: input('The flows.', { call_flow_id: uuid('The flow incoming calls run; the all-zero UUID for none.'), message_flow_id: uuid('The flow incoming messages would run (stored only).', ZERO_UUID_TEXT) }),
    bodyRequired: true,
    ok: one('Number', 'The number.'),
    errors: [400, 404],
  },
  { method: 'delete', path: '/v1.0/numbers/{id}', tag: 'Number', summary: 'Release a number', ok: one('Number', 'The number.'), errors: [400, 404] },
  { method: 'post', path: '/v1.0/webhooks', tag: 'Webhook', summary: 'Add a webhook endpoint', body: webhookInput, bodyRequired: true, ok: one('Webhook', 'The webhook, with its secret.'), errors: [400] },
  { method: 'get', path: '/v1.0/webhooks', tag: 'Webhook', summary: 'List webhook endpoints', query: PAGE_QUERY, ok: { status: 200, description: 'Every webhook.', schema: page('Webhook') }, errors: [] },
  { method: 'get', path: '/v1.0/webhooks/{id}', tag: 'Webhook', summary: 'Get a webhook endpoint', ok: one('Webhook', 'The webhook.'), errors: [400, 404] },
  { method: 'put', path: '/v1.0/webhooks/{id}', tag: 'Webhook', summary: 'Change a webhook endpoint', body: webhookInput, bodyRequired: true, ok: one('Webhook', 'The webhook.'), errors: [400, 404] },
  { method: 'delete', path: '/v1.0/webhooks/{id}', tag: 'Webhook', summary: 'Remove a webhook endpoint', ok: one('Webhook', 'The webhook.'), errors: [400, 404] },
  {
    method: 'get',
    path: '/v1.0/webhooks/{id}/deliveries',
    tag: 'Webhook',
    summary: "A webhook's deliveries",
    query: { page_size: PAGE_QUERY.page_size!, page_token: { type: 'string', description: 'The event_id of the last delivery of the previous page.', example: '1234' } },
    ok: { status: 200, description: 'Newest event first.', schema: page('WebhookDelivery') },
    errors: [400, 404],
  },
];
