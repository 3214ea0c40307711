import { rest, type Json } from './support/rest';
import { simChannel } from './support/sim';
import { statementsDuring } from './support/statements';
import { startTestApp, TEST_SOURCE_NUMBER, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * A process plans calls with the routes and providers it read for ROUTE_CACHE_MS (1 s by
 * default): calls in a row cost one lookup of the routes, not one each. A provider or route
 * changed through this process applies to the very next call all the same.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ ROUTE_CACHE_MS: '60000' });
});
afterAll(async () => {
  await t?.stop();
});

const makeCall = async (target: string): Promise<Json> => {
  const made = await rest(t, 'POST', '/calls', { source: { type: 'tel', target: TEST_SOURCE_NUMBER }, destinations: [{ type: 'tel', target }] });
  expect(made.status).toBe(200);
  return made.body.calls[0] as Json;
};
const firstProviderOf = (call: Json) => (call.attempts as Json[])[0]!.provider_id;

async function routeLookupsDuring(request: () => Promise<unknown>): Promise<number> {
  return (await statementsDuring(t, request)).statements.filter((sql) => /FROM routes r JOIN providers p/.test(sql)).length;
}

async function provider(name: string): Promise<string> {
  const made = await rest(t, 'POST', '/providers', { type: 'sip', hostname: '', tech_prefix: '', tech_postfix: '', tech_headers: {}, name, detail: '', endpoint: `PJSIP/{target}@${name}` });
  expect(made.status).toBe(200);
  return made.body.id as string;
}

async function route(target: string, providerId: string): Promise<string> {
  const made = await rest(t, 'POST', '/routes', { customer_id: t.app.bootstrap!.customerId, name: target, detail: '', provider_id: providerId, priority: 1, target });
  expect(made.status).toBe(200);
  return made.body.id as string;
}

it('plans calls in a row with one lookup of the routes', async () => {
  await makeCall('+15550001000');
  expect(await routeLookupsDuring(() => makeCall('+15550001001'))).toBe(0);
  expect(await routeLookupsDuring(() => makeCall('+15550001002'))).toBe(0);
});

it('plans the next call with a route made, moved or deleted through this process, though the routes were trusted', async () => {
  const [a, b] = [await provider('cache-a'), await provider('cache-b')];
  expect(firstProviderOf(await makeCall('+15550002000'))).not.toBe(a);
  const made = await route('1555000', a);
  expect(firstProviderOf(await makeCall('+15550002001'))).toBe(a);
  expect((await rest(t, 'PUT', `/routes/${made}`, { provider_id: b })).status).toBe(200);
  expect(firstProviderOf(await makeCall('+15550002002'))).toBe(b);
  expect((await rest(t, 'DELETE', `/routes/${made}`)).status).toBe(200);
  expect(firstProviderOf(await makeCall('+15550002003'))).not.toBe(b);
});

it("dials the next call through a provider's endpoint as changed through this process, though the routes were trusted", async () => {
  const provider = (await rest(t, 'POST', '/providers', { type: 'sip', hostname: '', tech_prefix: '', tech_postfix: '', tech_headers: {}, name: 'cache-c', detail: '', endpoint: 'PJSIP/{target}@cache-c' })).body.id as string;
  await route('1555333', provider);
  const endpointOf = async (call: Json) => (await waitFor(() => simChannel(t.simUrl, call.id as string), (channel) => channel !== null, 'its channel'))!.endpoint;
  expect(await endpointOf(await makeCall('+15553330000'))).toBe('PJSIP/+15553330000@cache-c');
  expect((await rest(t, 'PUT', `/providers/${provider}`, { endpoint: 'PJSIP/{target}@cache-c-moved' })).status).toBe(200);
  expect(await endpointOf(await makeCall('+15553330001'))).toBe('PJSIP/+15553330001@cache-c-moved');
});
