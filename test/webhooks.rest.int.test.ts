import { CreateWebhookDocument, DeleteWebhookDocument, GetWebhookDocument, UpdateWebhookDocument, WebhookDeliveriesDocument, WebhooksDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { restCall } from './support/rest-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';
import { hmacHex, startReceiver, type Receiver } from './support/webhook-receiver';

/** Webhook endpoints on both surfaces, and what one delivery looks like to the receiver. */
let t: TestApp;
let receiver: Receiver;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
  receiver = await startReceiver();
});
afterAll(async () => {
  await t?.stop();
  await receiver?.close();
});

const rest = (method: string, path: string, body?: unknown) => restCall(t.baseUrl, t.accessKey, method, path, body);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

describe('REST /v1.0/webhooks', () => {
  it('creates a webhook with a generated secret shown once, then reads, changes and deletes it', async () => {
    const created = await rest('POST', '/webhooks', { url: receiver.url('/crud'), events: ['call_hungup', 'call_answered'], name: 'mine' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ url: receiver.url('/crud'), events: ['call_hungup', 'call_answered'], status: 'active', name: 'mine', secret: expect.stringMatching(/^whsec_.{20,}/) });
    expect(created.body.tm_create).toMatch(TIMESTAMP);
    const id = created.body.id as string;

    const read = await rest('GET', `/webhooks/${id}`);
    expect(read.body).toMatchObject({ id, url: receiver.url('/crud'), status: 'active' });
    expect(read.body).not.toHaveProperty('secret');
    expect((await rest('GET', '/webhooks')).body.result.map((hook: { id: string }) => hook.id)).toContain(id);

    const changed = await rest('PUT', `/webhooks/${id}`, { events: ['call_hungup', 'call_answered', 'call_created'], status: 'disabled' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ events: ['call_hungup', 'call_answered', 'call_created'], status: 'disabled', url: receiver.url('/crud') });

    expect((await rest('DELETE', `/webhooks/${id}`)).status).toBe(200);
    expect((await rest('GET', `/webhooks/${id}`)).status).toBe(404);
    expect((await rest('GET', '/webhooks')).body.result.map((hook: { id: string }) => hook.id)).not.toContain(id);
  });

  it('takes ["*"] and no events as every event, and keeps a given secret', async () => {
    const all = await rest('POST', '/webhooks', { url: receiver.url('/all'), events: ['*'], secret: 'a-secret-of-mine-1234' });
    expect(all.body).toMatchObject({ events: ['*'], secret: 'a-secret-of-mine-1234' });
    expect((await rest('POST', '/webhooks', { url: receiver.url('/all') })).body.events).toEqual(['*']);
    for (const hook of (await rest('GET', '/webhooks')).body.result as { id: string }[]) await rest('DELETE', `/webhooks/${hook.id}`);
  });

  it.each([
    [{ events: ['call_hungup'] }, 'url'],
    [{ url: 'ftp://127.0.0.1/x' }, 'url'],
    [{ url: 'javascript:alert(1)' }, 'url'],
    [{ url: 'http://user:pw@127.0.0.1/x' }, 'url'],
    [{ url: 'http://no-such-host.invalid/x' }, 'url'],
    [{ url: 'http://127.0.0.1/x', events: ['call_hungup', 'call_hangedup'] }, 'events[1]'],
    [{ url: 'http://127.0.0.1/x', events: 'call_hungup' }, 'events'],
    [{ url: 'http://127.0.0.1/x', status: 'paused' }, 'status'],
    [{ url: 'http://127.0.0.1/x', secret: 'short' }, 'secret'],
    [{ url: 'http://127.0.0.1/x', name: 42 }, 'name'],
  ])('refuses %o naming %s, and stores nothing', async (body, field) => {
    const before = (await rest('GET', '/webhooks')).body.result.length as number;
    const answer = await rest('POST', '/webhooks', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(new RegExp(`^${field.replace(/[[\]]/g, '\\$&')}:`));
    expect((await rest('GET', '/webhooks')).body.result).toHaveLength(before);
  });

  it('refuses a bad change and keeps the webhook as it was', async () => {
    const id = (await rest('POST', '/webhooks', { url: receiver.url('/keep') })).body.id as string;
    const answer = await rest('PUT', `/webhooks/${id}`, { url: 'gopher://x', events: ['call_hungup'] });
    expect(answer.status).toBe(400);
    expect((await rest('GET', `/webhooks/${id}`)).body).toMatchObject({ url: receiver.url('/keep'), events: ['*'] });
    await rest('DELETE', `/webhooks/${id}`);
  });
});

describe('a delivery', () => {
  it('POSTs {type, data} with the call in its REST shape, signed, and records it in the history', async () => {
    const created = await rest('POST', '/webhooks', { url: receiver.url('/one'), events: ['call_hungup'] });
    const { id: webhookId, secret } = created.body as { id: string; secret: string };
    const calls = await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550005001' }] });
    const callId = calls.body.calls[0].id as string;

    const [hit] = await waitFor(async () => receiver.accepted('/one'), (list) => list.length >= 1, 'the call_hungup webhook');
    expect(hit!.body.type).toBe('call_hungup');
    const call = await rest('GET', `/calls/${callId}`);
    expect(hit!.body.data).toEqual(call.body); // the REST shape, as GET answers it once the call is over
    expect(Object.keys(hit!.body)).toEqual(['type', 'data']);

    const timestamp = String(hit!.headers['x-voipbin-timestamp']);
    expect(timestamp).toMatch(/^\d{10}$/);
    expect(hit!.headers['x-voipbin-signature']).toBe(`sha256=${hmacHex(secret, hit!.raw)}`);
    expect(hit!.headers['x-voipbin-signature-timestamped']).toBe(`sha256=${hmacHex(secret, `${timestamp}.${hit!.raw}`)}`);
    expect(hit!.headers['x-voipbin-signature']).not.toBe(`sha256=${hmacHex('another-secret-123456', hit!.raw)}`);
    expect(hit!.headers['content-type']).toBe('application/json');

    const history = await waitFor(() => rest('GET', `/webhooks/${webhookId}/deliveries`), (answer) => answer.body.result?.[0]?.status === 'delivered', 'the delivery recorded');
    expect(history.body.result).toHaveLength(1);
    expect(history.body.result[0]).toMatchObject({
      id: hit!.deliveryId, webhook_id: webhookId, event_type: 'call_hungup', resource_type: 'call', resource_id: callId,
      status: 'delivered', http_code: 200, attempts: 1, error: '',
    });
    expect(history.body.result[0].last_attempt).toMatch(TIMESTAMP);

    const viaGraphql = await graphql(t.baseUrl, t.accessKey, WebhookDeliveriesDocument, { webhookId });
    expect(viaGraphql.data?.webhookDeliveries).toEqual([expect.objectContaining({ id: hit!.deliveryId, eventType: 'call_hungup', status: 'delivered', httpCode: 200, attempts: 1 })]);
    await rest('DELETE', `/webhooks/${webhookId}`);
  });

  it('pages the history, newest event first', async () => {
    const webhookId = (await rest('POST', '/webhooks', { url: receiver.url('/pages') })).body.id as string;
    await rest('POST', '/calls', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550001002' }] }); // busy: created, hungup
    await waitFor(() => rest('GET', `/webhooks/${webhookId}/deliveries`), (answer) => answer.body.result.length === 2 && answer.body.result.every((item: { status: string }) => item.status === 'delivered'), 'both delivered');
    const first = await rest('GET', `/webhooks/${webhookId}/deliveries?page_size=1`);
    expect(first.body.result.map((item: { event_type: string }) => item.event_type)).toEqual(['call_hungup']);
    expect(first.body.next_page_token).toBe(first.body.result[0].event_id);
    const second = await rest('GET', `/webhooks/${webhookId}/deliveries?page_size=1&page_token=${first.body.next_page_token}`);
    expect(second.body.result.map((item: { event_type: string }) => item.event_type)).toEqual(['call_created']);
    const end = await rest('GET', `/webhooks/${webhookId}/deliveries?page_size=1&page_token=${second.body.next_page_token}`);
    expect(end.body).toEqual({ result: [], next_page_token: '' });
    expect((await rest('GET', `/webhooks/${webhookId}/deliveries?page_size=0`)).body.error.message).toMatch(/^page_size:/);
    expect((await rest('GET', `/webhooks/${webhookId}/deliveries?page_token=abc`)).body.error.message).toMatch(/^page_token:/);
    const viaGraphql = await graphql(t.baseUrl, t.accessKey, WebhookDeliveriesDocument, { webhookId, first: 1, beforeEventId: first.body.next_page_token });
    expect(viaGraphql.data?.webhookDeliveries.map((item) => item.eventType)).toEqual(['call_created']);
    await rest('DELETE', `/webhooks/${webhookId}`);
  });
});

describe('GraphQL webhooks', () => {
  it('creates, lists, reads, updates and deletes', async () => {
    const created = await graphql(t.baseUrl, t.accessKey, CreateWebhookDocument, { input: { url: receiver.url('/gql'), events: ['call_created'] } });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createWebhook.webhook.id;
    expect(created.data!.createWebhook).toMatchObject({ secret: expect.stringMatching(/^whsec_/), webhook: { url: receiver.url('/gql'), events: ['call_created'], status: 'ACTIVE' as const } });
    expect((await graphql(t.baseUrl, t.accessKey, WebhooksDocument)).data!.webhooks.map((hook) => hook.id)).toContain(id);
    const updated = await graphql(t.baseUrl, t.accessKey, UpdateWebhookDocument, { id, input: { status: 'DISABLED' as const, events: ['*'] } });
    expect(updated.data!.updateWebhook).toMatchObject({ status: 'DISABLED' as const, events: ['*'], url: receiver.url('/gql') });
    expect((await graphql(t.baseUrl, t.accessKey, GetWebhookDocument, { id })).data!.webhook).toMatchObject({ id, status: 'DISABLED' as const });
    expect((await graphql(t.baseUrl, t.accessKey, DeleteWebhookDocument, { id })).data!.deleteWebhook.id).toBe(id);
    expect((await graphql(t.baseUrl, t.accessKey, GetWebhookDocument, { id })).data!.webhook).toBeNull();
  });

  it('refuses bad input with VALIDATION_FAILED naming the field', async () => {
    const bad = await graphql(t.baseUrl, t.accessKey, CreateWebhookDocument, { input: { url: 'ftp://x', events: ['call_created'] } });
    expect(bad.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^url:/), extensions: { code: 'VALIDATION_FAILED' } });
    const badEvents = await graphql(t.baseUrl, t.accessKey, CreateWebhookDocument, { input: { url: receiver.url(), events: ['nope'] } });
    expect(badEvents.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^events\[0\]:/), extensions: { code: 'VALIDATION_FAILED' } });
  });
});
