import { restCall } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { hmacHex, startReceiver, type Receiver } from './support/webhook-receiver';

/**
 * Webhooks the VoIPBIN way: a customer's webhook_uri and webhook_method (PUT /v1.0/customer, or the
 * administrator's POST /v1.0/customers and PUT /v1.0/customers/{id}) get every event of the
 * customer through the same delivery path as /v1.0/webhooks endpoints: signed, retried, in order.
 */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true', WEBHOOK_BACKOFF_MS: '20' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown, token = t.accessKey) => restCall(t.baseUrl, token, method, path, body);
const SOURCE = { type: 'tel', target: '+15551234567' };
/** A call the far end refuses (busy): created, then hung up, with no waiting. */
const busyCall = async (target: string, token = t.accessKey, source = SOURCE) =>
  (await rest('POST', '/calls', { source, destinations: [{ type: 'tel', target }] }, token)).body.calls[0].id as string;
const atPath = (path: string, callId: string) => receiver.accepted(path).filter((entry) => entry.body.data.id === callId);
const hungUp = (path: string, callId: string) => waitFor(async () => atPath(path, callId), (list) => list.some((entry) => entry.body.type === 'call_hungup'), `call_hungup at ${path}`);

describe("a customer's own webhook_uri", () => {
  it('gets every event of the customer, signed with the secret answered once, with its method, in the same order an endpoint gets them', async () => {
    const set = await rest('PUT', '/customer', { webhook_uri: receiver.url('/customer'), webhook_method: 'PUT' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: t.app.bootstrap!.customerId, webhook_uri: receiver.url('/customer'), webhook_method: 'PUT', webhook_secret: expect.stringMatching(/^whsec_/) });
    const secret = set.body.webhook_secret as string;
    const read = await rest('GET', '/customer');
    expect(read.body).toMatchObject({ webhook_uri: receiver.url('/customer'), webhook_method: 'PUT' });
    expect(read.body).not.toHaveProperty('webhook_secret');
    // It is the customer's, not one of its /v1.0/webhooks endpoints.
    expect((await rest('GET', '/webhooks')).body.result).toEqual([]);
    expect((await rest('POST', '/webhooks', { url: receiver.url('/endpoint') })).status).toBe(200);

    const callId = await busyCall('+15550001002');
    const viaCustomer = await hungUp('/customer', callId);
    const viaEndpoint = await hungUp('/endpoint', callId);
    expect(viaCustomer.map((entry) => entry.body.type)).toEqual(viaEndpoint.map((entry) => entry.body.type));
    expect(viaCustomer.map((entry) => entry.body.type)).toEqual(expect.arrayContaining(['call_created', 'call_hungup']));
    for (const entry of viaCustomer) {
      expect(entry.method).toBe('PUT');
      expect(entry.headers['x-voipbin-signature']).toBe(`sha256=${hmacHex(secret, entry.raw)}`);
    }
    expect(viaEndpoint.every((entry) => entry.method === 'POST')).toBe(true);
  });

  it('is retried like any endpoint when the receiver fails', async () => {
    receiver.setResponder(({ path, attempt }) => (path === '/flaky' && attempt === 1 ? 503 : 200));
    expect((await rest('PUT', '/customer', { webhook_uri: receiver.url('/flaky'), webhook_method: 'POST' })).status).toBe(200);
    const callId = await busyCall('+15550001003');
    await hungUp('/flaky', callId);
    const attempts = receiver.received.filter((entry) => entry.path === '/flaky' && entry.body.data.id === callId);
    const created = attempts.filter((entry) => entry.body.type === 'call_created');
    expect(created.map((entry) => entry.answered)).toEqual([503, 200]);
    expect(new Set(created.map((entry) => entry.deliveryId)).size).toBe(1);
    receiver.setResponder(() => 200);
  });

  it("stops when webhook_uri is set to '', and refuses a bad one changing nothing", async () => {
    expect((await rest('PUT', '/customer', { webhook_uri: receiver.url('/gone') })).status).toBe(200);
    expect((await rest('PUT', '/customer', { webhook_uri: '' })).body).toMatchObject({ webhook_uri: '', webhook_method: '' });
    const bad = await rest('PUT', '/customer', { name: 'renamed', webhook_uri: 'ftp://example.com/x' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('webhook_uri');
    expect((await rest('GET', '/customer')).body).toMatchObject({ name: 'bootstrap', webhook_uri: '' });
    expect((await rest('PUT', '/customer', { webhook_method: 'PATCH' })).status).toBe(400);

    const callId = await busyCall('+15550001004');
    await hungUp('/endpoint', callId); // the endpoint still gets it: the customer's webhook does not
    expect(receiver.received.filter((entry) => entry.path === '/gone')).toEqual([]);
  });
});

describe("the administrator's customer routes", () => {
  it('creates a customer with a webhook_uri, and changes another customer\'s; nobody else may', async () => {
    const created = await rest('POST', '/customers', { name: 'Acme', detail: 'd', email: 'ops@acme.test', phone_number: '+15550000000', address: 'Main St', webhook_method: 'POST', webhook_uri: receiver.url('/acme') });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: 'Acme', detail: 'd', email: 'ops@acme.test', phone_number: '+15550000000', address: 'Main St', webhook_uri: receiver.url('/acme'), webhook_method: 'POST', status: 'active' });
    expect(created.body.webhook_secret).toMatch(/^whsec_/);
    const acme = { id: created.body.id as string, token: created.body.accesskey.token as string };
    await t.ownNumber(acme.id, '+15551230099');
    const callId = await busyCall('+15550001005', acme.token, { type: 'tel', target: '+15551230099' });
    await hungUp('/acme', callId);
    expect(atPath('/customer', callId)).toEqual([]); // one customer's events never reach another's

    const changed = await rest('PUT', `/customers/${acme.id}`, { webhook_uri: receiver.url('/acme-2') });
    expect(changed.body).toMatchObject({ webhook_uri: receiver.url('/acme-2'), webhook_method: 'POST', name: 'Acme' });
    expect((await rest('PUT', `/customers/${acme.id}`, { name: 'mine now' }, acme.token)).status).toBe(403);
    expect((await rest('GET', '/customer', undefined, acme.token)).body).toMatchObject({ name: 'Acme', webhook_uri: receiver.url('/acme-2') });

    const bad = await rest('POST', '/customers', { name: 'Nope', webhook_uri: 'not a url' });
    expect(bad.status).toBe(400);
    expect((await rest('GET', '/customers')).body.result.map((customer: { name: string }) => customer.name)).not.toContain('Nope');
  });
});
