import { graphqlSocketCloseCode, tryUpgrade } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/** Per-customer and per-IP request limits, shared through Redis; 429 with Retry-After. */
const HOUR = '3600000'; // one window for the whole file: no count resets in the middle of a test
let t: TestApp;
let byIp: TestApp;
beforeAll(async () => {
  [t, byIp] = await Promise.all([
    startTestApp({ RATE_LIMIT_WINDOW_MS: HOUR, RATE_LIMIT_PER_CUSTOMER: '5', RATE_LIMIT_PER_IP: '1000' }),
    startTestApp({ RATE_LIMIT_WINDOW_MS: HOUR, RATE_LIMIT_PER_CUSTOMER: '1000', RATE_LIMIT_PER_IP: '3' }),
  ]);
});
afterAll(async () => {
  await Promise.all([t?.stop(), byIp?.stop()]);
});

const rest = (app: TestApp, token: string) => fetch(`${app.baseUrl}/v1.0/calls?token=${token}`);
const gql = (app: TestApp, token: string) =>
  fetch(`${app.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ calls { nodes { id } } }' }) });

it('answers 429 with Retry-After once a customer is over its limit, on REST and GraphQL alike', async () => {
  for (let i = 0; i < 5; i++) expect((await rest(t, t.accessKey)).status).toBe(200);
  const refused = await rest(t, t.accessKey);
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(((await refused.json()) as { error: { status: string } }).error.status).toBe('RESOURCE_EXHAUSTED');

  const viaGraphql = await gql(t, t.accessKey);
  expect(viaGraphql.status).toBe(429);
  expect(viaGraphql.headers.get('retry-after')).not.toBeNull();
  expect(((await viaGraphql.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
});

it('closes a graphql-ws connection of a customer over its limit with 4429, not 4401', async () => {
  expect(await graphqlSocketCloseCode(t.baseUrl, t.accessKey)).toBe(4429);
});

it('answers 429 before the topic socket upgrade once the customer is over its limit', async () => {
  const refused = await tryUpgrade(`${t.baseUrl.replace('http', 'ws')}/v1.0/ws?token=${t.accessKey}`);
  expect(refused).toMatchObject({ status: 429, reason: 'RATE_LIMITED', retryAfter: expect.stringMatching(/^[1-9]/) });
});

it('counts each customer apart', async () => {
  const other = await t.newCustomer('quiet');
  expect((await rest(t, other.token)).status).toBe(200);
});

it('limits a client address even before it authenticates', async () => {
  for (let i = 0; i < 3; i++) expect((await rest(byIp, 'no-such-key')).status).toBe(401);
  const refused = await rest(byIp, byIp.accessKey);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).not.toBeNull();
  // An upgrade is a request like any other: refused with 429 before it happens, on both sockets.
  for (const path of [`/graphql`, `/v1.0/ws?token=${byIp.accessKey}`]) {
    expect(await tryUpgrade(`${byIp.baseUrl.replace('http', 'ws')}${path}`)).toMatchObject({ status: 429, reason: 'RATE_LIMITED' });
  }
});
