/** Every REST route of /v1.0 that takes a resource id, with a body a valid request would send. */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (id: string) => string;
  body?: unknown;
}

/** The media controls on a live call, each with a body a valid request would send. */
export const MEDIA_CONTROL_ROUTES: RouteCase[] = [
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/hold` },
  { method: 'DELETE', path: (id) => `/v1.0/calls/${id}/hold` },
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/mute`, body: { direction: 'both' } },
  { method: 'DELETE', path: (id) => `/v1.0/calls/${id}/mute`, body: { direction: 'both' } },
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/moh` },
  { method: 'DELETE', path: (id) => `/v1.0/calls/${id}/moh` },
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/silence` },
  { method: 'DELETE', path: (id) => `/v1.0/calls/${id}/silence` },
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/dtmf`, body: { digits: '1#', duration: 100, interval: 50 } },
  { method: 'POST', path: (id) => `/v1.0/calls/${id}/talk`, body: { text: 'Hello there', language: 'en-US' } },
];

export type ResourceKind = 'call' | 'groupcall' | 'transfer' | 'accesskey' | 'user' | 'flow' | 'number' | 'recording' | 'webhook';

export const ID_ROUTES: Record<ResourceKind, RouteCase[]> = {
  call: [
    { method: 'GET', path: (id) => `/v1.0/calls/${id}` },
    { method: 'GET', path: (id) => `/v1.0/calls/${id}/events` },
    { method: 'GET', path: (id) => `/v1.0/timelines/calls/${id}/events` },
    { method: 'POST', path: (id) => `/v1.0/calls/${id}/hangup` },
    { method: 'DELETE', path: (id) => `/v1.0/calls/${id}` },
    ...MEDIA_CONTROL_ROUTES,
    { method: 'POST', path: (id) => `/v1.0/calls/${id}/recording_start`, body: { format: 'wav' } },
    { method: 'POST', path: (id) => `/v1.0/calls/${id}/recording_stop` },
    { method: 'GET', path: (id) => `/v1.0/calls/${id}/recordings` },
    { method: 'POST', path: (id) => `/v1.0/calls/${id}/transfer`, body: { type: 'blind', destination: { type: 'tel', target: '+15551112222' } } },
  ],
  groupcall: [
    { method: 'GET', path: (id) => `/v1.0/groupcalls/${id}` },
    { method: 'GET', path: (id) => `/v1.0/groupcalls/${id}/events` },
    { method: 'POST', path: (id) => `/v1.0/groupcalls/${id}/hangup` },
    { method: 'DELETE', path: (id) => `/v1.0/groupcalls/${id}` },
  ],
  transfer: [
    { method: 'GET', path: (id) => `/v1.0/transfers/${id}` },
    { method: 'GET', path: (id) => `/v1.0/transfers/${id}/events` },
    { method: 'POST', path: (id) => `/v1.0/transfers/${id}/complete` },
    { method: 'POST', path: (id) => `/v1.0/transfers/${id}/cancel` },
  ],
  // (The signed /v1.0/recordingfiles/{id}/download takes no credentials: its signature is one.)
  recording: [
    { method: 'GET', path: (id) => `/v1.0/recordings/${id}` },
    { method: 'DELETE', path: (id) => `/v1.0/recordings/${id}` },
    { method: 'GET', path: (id) => `/v1.0/recordingfiles/${id}` },
  ],
  accesskey: [
    { method: 'GET', path: (id) => `/v1.0/accesskeys/${id}` },
    { method: 'POST', path: (id) => `/v1.0/accesskeys/${id}/expire` },
    { method: 'PUT', path: (id) => `/v1.0/accesskeys/${id}`, body: { name: 'taken over' } },
    { method: 'DELETE', path: (id) => `/v1.0/accesskeys/${id}` },
  ],
  user: [{ method: 'DELETE', path: (id) => `/v1.0/users/${id}` }],
  flow: [
    { method: 'GET', path: (id) => `/v1.0/flows/${id}` },
    { method: 'PUT', path: (id) => `/v1.0/flows/${id}`, body: { name: 'taken over', actions: [{ type: 'hangup' }] } },
    { method: 'DELETE', path: (id) => `/v1.0/flows/${id}` },
  ],
  number: [
    { method: 'GET', path: (id) => `/v1.0/numbers/${id}` },
    { method: 'PUT', path: (id) => `/v1.0/numbers/${id}`, body: { name: 'taken over', call_flow_id: '00000000-0000-0000-0000-000000000000' } },
    { method: 'PUT', path: (id) => `/v1.0/numbers/${id}/flow_ids`, body: { call_flow_id: '00000000-0000-0000-0000-000000000000' } },
    { method: 'DELETE', path: (id) => `/v1.0/numbers/${id}` },
  ],
  webhook: [
    { method: 'GET', path: (id) => `/v1.0/webhooks/${id}` },
    { method: 'PUT', path: (id) => `/v1.0/webhooks/${id}`, body: { status: 'active', events: ['call_created'] } },
    { method: 'GET', path: (id) => `/v1.0/webhooks/${id}/deliveries` },
    { method: 'DELETE', path: (id) => `/v1.0/webhooks/${id}` },
  ],
};

/** Routes on the caller's own records: neither lists nor by id. */
export const OWN_ROUTES: RouteCase[] = [
  { method: 'GET', path: () => '/v1.0/me' },
  { method: 'GET', path: () => '/v1.0/customer' },
  { method: 'PUT', path: () => '/v1.0/customer', body: { detail: 'x' } },
];

/** Every REST route, with a plausible body, for the credential checks. */
export const ALL_ROUTES: RouteCase[] = [
  { method: 'POST', path: () => '/v1.0/calls', body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] } },
  { method: 'GET', path: () => '/v1.0/calls' },
  { method: 'POST', path: () => '/v1.0/groupcalls', body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }], ring_method: 'ring_all' } },
  { method: 'GET', path: () => '/v1.0/groupcalls' },
  { method: 'POST', path: () => '/v1.0/transfers', body: { transfer_type: 'blind', transferer_call_id: '00000000-0000-4000-8000-000000000000', transferee_addresses: [{ type: 'tel', target: '+15551112222' }] } },
  { method: 'GET', path: () => '/v1.0/transfers' },
  { method: 'POST', path: () => '/v1.0/accesskeys', body: { name: 'k' } },
  { method: 'GET', path: () => '/v1.0/accesskeys' },
  { method: 'POST', path: () => '/v1.0/users', body: { username: 'someone', password: 'long enough' } },
  { method: 'GET', path: () => '/v1.0/users' },
  { method: 'POST', path: () => '/v1.0/customers', body: { name: 'x' } },
  { method: 'GET', path: () => '/v1.0/customers' },
  { method: 'GET', path: () => '/v1.0/activeflows' },
  { method: 'GET', path: (id) => `/v1.0/activeflows/${id}` },
  { method: 'POST', path: (id) => `/v1.0/activeflows/${id}/stop` },
  { method: 'POST', path: () => '/v1.0/flows', body: { name: 'f', actions: [{ type: 'answer' }] } },
  { method: 'GET', path: () => '/v1.0/flows' },
  { method: 'POST', path: () => '/v1.0/numbers', body: { number: '+15550009999' } },
  { method: 'GET', path: () => '/v1.0/numbers' },
  { method: 'GET', path: () => '/v1.0/recordings' },
  { method: 'POST', path: () => '/v1.0/webhooks', body: { url: 'https://93.184.216.34/hook', status: 'disabled' } },
  { method: 'GET', path: () => '/v1.0/webhooks' },
  // The administrator's alone (another customer gets 403, not 404): outside ID_ROUTES.
  { method: 'POST', path: () => '/v1.0/providercalls', body: { provider_id: '00000000-0000-4000-8000-000000000000', source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] } },
  { method: 'GET', path: () => '/v1.0/providercalls' },
  { method: 'GET', path: (id) => `/v1.0/providercalls/${id}` },
  { method: 'DELETE', path: (id) => `/v1.0/providercalls/${id}` },
  { method: 'POST', path: () => '/v1.0/providers', body: { type: 'sip', hostname: 'carrier-a', tech_prefix: '', tech_postfix: '', tech_headers: { 'X-Account': 'acme' }, codecs: 'ulaw', name: 'Carrier A', detail: '' } },
  { method: 'GET', path: () => '/v1.0/providers' },
  { method: 'GET', path: (id) => `/v1.0/providers/${id}` },
  { method: 'PUT', path: (id) => `/v1.0/providers/${id}`, body: { name: 'Carrier B', endpoint: 'PJSIP/{target}@carrier-b', tech_headers: { 'X-Account': 'b' } } },
  { method: 'DELETE', path: (id) => `/v1.0/providers/${id}` },
  { method: 'POST', path: () => '/v1.0/routes', body: { customer_id: '00000000-0000-0000-0000-000000000000', name: 'US', detail: '', provider_id: '00000000-0000-4000-8000-000000000000', priority: 1, target: '1' } },
  { method: 'GET', path: () => '/v1.0/routes' },
  { method: 'GET', path: (id) => `/v1.0/routes/${id}` },
  { method: 'PUT', path: (id) => `/v1.0/routes/${id}`, body: { name: 'US', detail: 'x', provider_id: '00000000-0000-4000-8000-000000000000', priority: 2, target: '1' } },
  { method: 'DELETE', path: (id) => `/v1.0/routes/${id}` },
  ...OWN_ROUTES,
  { method: 'PUT', path: (id) => `/v1.0/customers/${id}`, body: { detail: 'x' } },
  { method: 'DELETE', path: (id) => `/v1.0/activeflows/${id}` },
  { method: 'GET', path: (id) => `/v1.0/timelines/activeflows/${id}/events` },
  ...Object.values(ID_ROUTES).flat(),
];
