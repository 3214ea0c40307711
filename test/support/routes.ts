/** Every REST route of /v1.0 that takes a resource id, with a body a valid request would send. */
export interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: (id: string) => string;
  body?: unknown;
}

export const ID_ROUTES: Record<'call' | 'accesskey' | 'user' | 'webhook', RouteCase[]> = {
  call: [
    { method: 'GET', path: (id) => `/v1.0/calls/${id}` },
    { method: 'GET', path: (id) => `/v1.0/calls/${id}/events` },
    { method: 'POST', path: (id) => `/v1.0/calls/${id}/hangup` },
    { method: 'DELETE', path: (id) => `/v1.0/calls/${id}` },
  ],
  accesskey: [
    { method: 'GET', path: (id) => `/v1.0/accesskeys/${id}` },
    { method: 'POST', path: (id) => `/v1.0/accesskeys/${id}/expire` },
    { method: 'DELETE', path: (id) => `/v1.0/accesskeys/${id}` },
  ],
  user: [{ method: 'DELETE', path: (id) => `/v1.0/users/${id}` }],
  webhook: [
    { method: 'GET', path: (id) => `/v1.0/webhooks/${id}` },
    { method: 'PUT', path: (id) => `/v1.0/webhooks/${id}`, body: { status: 'active', events: ['call_created'] } },
    { method: 'GET', path: (id) => `/v1.0/webhooks/${id}/deliveries` },
    { method: 'DELETE', path: (id) => `/v1.0/webhooks/${id}` },
  ],
};

/** Every REST route, with a plausible body, for the credential checks. */
export const ALL_ROUTES: RouteCase[] = [
  { method: 'POST', path: () => '/v1.0/calls', body: { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15559876543' }] } },
  { method: 'GET', path: () => '/v1.0/calls' },
  { method: 'POST', path: () => '/v1.0/accesskeys', body: { name: 'k' } },
  { method: 'GET', path: () => '/v1.0/accesskeys' },
  { method: 'POST', path: () => '/v1.0/users', body: { username: 'someone', password: 'long enough' } },
  { method: 'GET', path: () => '/v1.0/users' },
  { method: 'POST', path: () => '/v1.0/customers', body: { name: 'x' } },
  { method: 'GET', path: () => '/v1.0/customers' },
  { method: 'POST', path: () => '/v1.0/webhooks', body: { url: 'https://93.184.216.34/hook', status: 'disabled' } },
  { method: 'GET', path: () => '/v1.0/webhooks' },
  ...Object.values(ID_ROUTES).flat(),
];
