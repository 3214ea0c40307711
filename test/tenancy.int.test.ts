import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { connectDatabase } from '../src/persistence/database';
import { print } from 'graphql';
import {
  CallEventsDocument, CallHistoryDocument, CreateCallsDocument, DeleteCallDocument, DeleteFlowDocument, DeleteNumberDocument, DeleteRecordingDocument, ExpireAccessKeyDocument,
  GetCallDocument, GetFlowDocument, GetNumberDocument, GetRecordingDocument, HangupCallDocument, HoldCallDocument, ListCallsDocument, ListFlowsDocument, ListNumbersDocument,
  ListRecordingsDocument, MuteCallDocument, SendDtmfDocument, SilenceCallDocument, StartMusicOnHoldDocument, StartRecordingDocument, StopMusicOnHoldDocument,
  StopRecordingDocument, TalkCallDocument, UnholdCallDocument, UnmuteCallDocument, UnsilenceCallDocument, UpdateFlowDocument, UpdateNumberDocument,
  DeleteWebhookDocument, GetWebhookDocument, UpdateWebhookDocument, WebhookDeliveriesDocument, WebhooksDocument,
  CancelTransferDocument, CompleteTransferDocument, GetTransferDocument, ListTransfersDocument, TransferCallDocument, TransferEventsDocument,
} from './generated/graphql';
import { collect, graphql, wsClient } from './support/graphql-client';
import { ALL_ROUTES, ID_ROUTES, type ResourceKind } from './support/routes';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGS, TRANSFER_SOURCE, connectedPair, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * The tenancy matrix: customer B, with a valid credential, gets 404 / NOT_FOUND (or an empty
 * list) for every resource of customer A and changes nothing; every route refuses a missing,
 * malformed, expired and deleted credential.
 */
let t: TestApp;
let b: { token: string; customerId: string };
const a: Record<ResourceKind, string> = { call: '', groupcall: '', transfer: '', accesskey: '', user: '', flow: '', number: '', recording: '', webhook: '' };

const request = (path: string, token: string | null, method = 'GET', body?: unknown) =>
  fetch(`${t.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const json = async (response: Response) => (await response.json()) as Record<string, unknown> & { result?: { id: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  b = await t.newCustomer('B');
  const call = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15550002999' }], dialTimeout: 600_000 } });
  a.call = call.data!.createCalls[0]!.id;
  a.groupcall = String((await json(await request('/v1.0/groupcalls', t.accessKey, 'POST', { source: { type: 'tel', target: '+15551234567' }, destinations: [{ type: 'tel', target: '+15550002998' }], ring_method: 'ring_all', dial_timeout: 600_000 }))).id);
  // A's attended transfer, its transferee left ringing (so the transfer stays still in RINGING).
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
  const pair = await connectedPair(t);
  a.transfer = String((await json(await request(`/v1.0/calls/${pair.transferer}/transfer`, t.accessKey, 'POST', { type: 'attended', destination: { type: 'tel', target: RINGS }, timeout: 600_000 }))).transfer_id);
  await waitForTransfer(t, a.transfer, 'ringing');
  a.accesskey = String((await json(await request('/v1.0/accesskeys', t.accessKey, 'POST', { name: 'a-key' }))).id);
  a.user = String((await json(await request('/v1.0/users', t.accessKey, 'POST', { username: 'a-user', password: 'a-password-1' }))).id);
  a.flow = String((await json(await request('/v1.0/flows', t.accessKey, 'POST', { name: 'a-flow', actions: [{ type: 'answer' }] }))).id);
  a.number = String((await json(await request('/v1.0/numbers', t.accessKey, 'POST', { number: '+15550001111', call_flow_id: a.flow }))).id);
  // A's answered call, being recorded (and settled in RECORDING, so snapshots are stable).
  const answered = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15559990001' }] } });
  const recordedCall = answered.data!.createCalls[0]!.id;
  await waitFor(async () => (await json(await request(`/v1.0/calls/${recordedCall}`, t.accessKey))).status, (status) => status === 'progressing', 'A’s call to be answered');
  a.recording = String((await json(await request(`/v1.0/calls/${recordedCall}/recording_start`, t.accessKey, 'POST', {}))).recording_id);
  await waitFor(async () => (await json(await request(`/v1.0/recordings/${a.recording}`, t.accessKey))).status, (status) => status === 'recording', 'A’s recording to start');
  a.webhook = String((await json(await request('/v1.0/webhooks', t.accessKey, 'POST', { url: 'https://93.184.216.34/a', status: 'disabled' }))).id);
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

async function snapshotOfA() {
  const call = await json(await request(`/v1.0/calls/${a.call}`, t.accessKey));
  const groupcall = await json(await request(`/v1.0/groupcalls/${a.groupcall}`, t.accessKey));
  const transfer = await json(await request(`/v1.0/transfers/${a.transfer}`, t.accessKey));
  const keys = await json(await request('/v1.0/accesskeys', t.accessKey));
  const users = await json(await request('/v1.0/users', t.accessKey));
  const flow = await json(await request(`/v1.0/flows/${a.flow}`, t.accessKey));
  const number = await json(await request(`/v1.0/numbers/${a.number}`, t.accessKey));
  const webhooks = await json(await request('/v1.0/webhooks', t.accessKey));
  const recording = await json(await request(`/v1.0/recordings/${a.recording}`, t.accessKey));
  return { status: call.status, tm_update: call.tm_update, groupcall: [groupcall.status, groupcall.tm_update], transfer: [transfer.status, transfer.tm_update], keys: keys.result, users: users.result, flow, number, recording: [recording.status, recording.tm_update, recording.tm_delete], webhooks: webhooks.result };
}

describe('customer B and customer A’s resources', () => {
  const cases = Object.entries(ID_ROUTES).flatMap(([kind, routes]) => routes.map((route) => [kind as keyof typeof a, route] as const));

  it.each(cases)('%s: %o answers 404 and changes nothing', async (kind, route) => {
    const before = await snapshotOfA();
    const response = await request(route.path(a[kind]), b.token, route.method, route.body);
    expect(response.status).toBe(404);
    expect((await json(response)).error).toMatchObject({ status: 'NOT_FOUND' });
    expect(await snapshotOfA()).toEqual(before);
  });

  it('B’s lists hold none of A’s resources', async () => {
    for (const path of ['/v1.0/calls', '/v1.0/groupcalls', '/v1.0/transfers', '/v1.0/accesskeys', '/v1.0/users', '/v1.0/flows', '/v1.0/numbers', '/v1.0/recordings', '/v1.0/webhooks']) {
      const ids = ((await json(await request(path, b.token))).result ?? []).map((item) => item.id);
      for (const id of Object.values(a)) expect(ids).not.toContain(id);
    }
  });

  it('every GraphQL operation answers NOT_FOUND, null or nothing of A’s', async () => {
    const before = await snapshotOfA();
    expect((await graphql(t.baseUrl, b.token, GetCallDocument, { id: a.call })).data?.call).toBeNull();
    expect((await graphql(t.baseUrl, b.token, CallHistoryDocument, { id: a.call })).data?.call).toBeNull();
    expect((await graphql(t.baseUrl, b.token, ListCallsDocument, {})).data?.calls.edges.map((edge) => edge.node.id)).not.toContain(a.call);
    expect((await graphql(t.baseUrl, b.token, GetFlowDocument, { id: a.flow })).data?.flow).toBeNull();
    expect((await graphql(t.baseUrl, b.token, GetNumberDocument, { id: a.number })).data?.number).toBeNull();
    expect((await graphql(t.baseUrl, b.token, ListFlowsDocument, {})).data?.flows.nodes.map((node) => node.id)).not.toContain(a.flow);
    expect((await graphql(t.baseUrl, b.token, ListNumbersDocument, {})).data?.numbers.nodes.map((node) => node.id)).not.toContain(a.number);
    for (const result of [
      await graphql(t.baseUrl, b.token, UpdateFlowDocument, { id: a.flow, input: { name: 'taken over' } }),
      await graphql(t.baseUrl, b.token, UpdateNumberDocument, { id: a.number, input: { name: 'taken over' } }),
    ]) {
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    }
    expect((await graphql(t.baseUrl, b.token, GetRecordingDocument, { id: a.recording })).data?.recording).toBeNull();
    expect((await graphql(t.baseUrl, b.token, ListRecordingsDocument, {})).data?.recordings.nodes).toEqual([]);
    const mutations: [TypedDocumentNode<unknown, { id: string }>, string][] = [
      [HangupCallDocument, a.call],
      [DeleteCallDocument, a.call],
      [ExpireAccessKeyDocument, a.accesskey],
      [DeleteFlowDocument, a.flow],
      [DeleteNumberDocument, a.number],
      [DeleteRecordingDocument, a.recording],
      [DeleteWebhookDocument, a.webhook],
    ];
    for (const [document, id] of mutations) {
      const result = await graphql(t.baseUrl, b.token, document, { id });
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    }
    const mediaControls = [
      graphql(t.baseUrl, b.token, HoldCallDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, UnholdCallDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, MuteCallDocument, { id: a.call, direction: 'BOTH' }),
      graphql(t.baseUrl, b.token, UnmuteCallDocument, { id: a.call, direction: 'IN' }),
      graphql(t.baseUrl, b.token, StartMusicOnHoldDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, StopMusicOnHoldDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, SilenceCallDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, UnsilenceCallDocument, { id: a.call }),
      graphql(t.baseUrl, b.token, SendDtmfDocument, { id: a.call, input: { digits: '1' } }),
      graphql(t.baseUrl, b.token, TalkCallDocument, { id: a.call, input: { text: 'not yours' } }),
    ];
    for (const result of await Promise.all(mediaControls)) expect(result.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    expect((await graphql(t.baseUrl, b.token, StartRecordingDocument, { callId: a.call })).errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    expect((await graphql(t.baseUrl, b.token, StopRecordingDocument, { callId: a.call })).errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    expect((await graphql(t.baseUrl, b.token, GetWebhookDocument, { id: a.webhook })).data?.webhook).toBeNull();
    expect((await graphql(t.baseUrl, b.token, WebhooksDocument, {})).data?.webhooks.map((hook) => hook.id)).not.toContain(a.webhook);
    expect((await graphql(t.baseUrl, b.token, WebhookDeliveriesDocument, { webhookId: a.webhook })).errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    expect((await graphql(t.baseUrl, b.token, UpdateWebhookDocument, { id: a.webhook, input: { status: 'ACTIVE' } })).errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    expect((await graphql(t.baseUrl, b.token, GetTransferDocument, { id: a.transfer })).data?.transfer).toBeNull();
    expect((await graphql(t.baseUrl, b.token, ListTransfersDocument, {})).data?.transfers.nodes).toEqual([]);
    for (const result of [
      await graphql(t.baseUrl, b.token, CompleteTransferDocument, { id: a.transfer }),
      await graphql(t.baseUrl, b.token, CancelTransferDocument, { id: a.transfer }),
      await graphql(t.baseUrl, b.token, TransferCallDocument, { callId: a.call, input: { type: 'BLIND', destination: { type: 'TEL', target: '+15551112222' } } }),
    ]) {
      expect(result.errors?.[0]?.extensions?.code).toMatch(/^[A-Z_]+_NOT_FOUND$/);
    }
    const client = wsClient(t.baseUrl, b.token);
    await expect(collect(client, CallEventsDocument, { callId: a.call }).done).rejects.toThrow(/NOT_FOUND/);
    await expect(collect(client, TransferEventsDocument, { transferId: a.transfer }).done).rejects.toThrow(/NOT_FOUND/);
    await client.dispose();
    expect(await snapshotOfA()).toEqual(before);
  });
});

describe('credentials', () => {
  let expired: string;
  let deleted: string;
  beforeAll(async () => {
    expired = String((await json(await request('/v1.0/accesskeys', t.accessKey, 'POST', { name: 'soon' }))).token);
    const doomed = await json(await request('/v1.0/accesskeys', t.accessKey, 'POST', { name: 'doomed' }));
    deleted = String(doomed.token);
    const db = connectDatabase(t.config.databaseUrl, t.config.databaseSchema, 1);
    await db.prisma.accessKey.updateMany({ where: { name: 'soon' }, data: { tmExpire: new Date(Date.now() - 1000) } });
    await db.close();
    await request(`/v1.0/accesskeys/${doomed.id}`, t.accessKey, 'DELETE');
  });

  const routeCases = ALL_ROUTES.map((route) => [`${route.method} ${route.path('00000000-0000-4000-8000-000000000000')}`, route] as const);

  it.each(routeCases)('%s refuses missing, malformed, expired and deleted credentials with 401', async (_name, route) => {
    for (const token of [null, 'not a key %%', expired, deleted]) {
      const response = await request(route.path(a.call), token, route.method, route.body);
      expect(response.status).toBe(401);
      expect((await json(response)).error).toMatchObject({ status: 'UNAUTHENTICATED' });
    }
  });

  it('GraphQL refuses them too', async () => {
    for (const token of [null, 'not a key %%', expired, deleted]) {
      const response = await fetch(`${t.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: print(ListCallsDocument) }),
      });
      expect(response.status).toBe(401);
    }
  });
});
