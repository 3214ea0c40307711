import { CallHistoryDocument, CreateCallsDocument, GetCallDocument } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** A call's event history, in order, on both surfaces. */
let t: TestApp;
let callId: string;
beforeAll(async () => {
  t = await startTestApp();
  const created = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
    input: { source: { type: 'TEL', target: '+15551234567' }, destinations: [{ type: 'TEL', target: '+15550005444' }] },
  });
  callId = created.data!.createCalls[0]!.id;
  await waitFor(async () => (await graphql(t.baseUrl, t.accessKey, GetCallDocument, { id: callId })).data?.call, (call) => call?.status === 'HANGUP', 'the far end to hang up');
});
afterAll(async () => {
  await t?.stop();
});

const EXPECTED = ['call_created', 'call_ringing', 'call_answered', 'call_hungup'];

it('GET /v1.0/calls/{id}/events answers the history in order, each with the call as it was', async () => {
  const response = await fetch(`${t.baseUrl}/v1.0/calls/${callId}/events?token=${t.accessKey}`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { type: string; sequence: number; tm_create: string; data: { id: string; status: string } }[]; next_page_token: string };
  expect(body.result.map((event) => event.type)).toEqual(EXPECTED);
  expect(body.result.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
  expect(body.result.map((event) => event.data.status)).toEqual(['dialing', 'ringing', 'progressing', 'hangup']);
  expect(body.result[0]?.tm_create).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
});

it('Call.events in GraphQL gives the same history', async () => {
  const result = await graphql(t.baseUrl, t.accessKey, CallHistoryDocument, { id: callId });
  const events = result.data!.call!.events;
  expect(events.map((event) => event.type)).toEqual(EXPECTED);
  expect(events.at(-1)?.call).toEqual({ status: 'HANGUP', hangupBy: 'REMOTE', hangupReason: 'NORMAL' });
});

it('keeps another customer away from the history', async () => {
  const other = await t.newCustomer('mallory');
  expect((await fetch(`${t.baseUrl}/v1.0/calls/${callId}/events?token=${other.token}`)).status).toBe(404);
  expect((await graphql(t.baseUrl, other.token, CallHistoryDocument, { id: callId })).data?.call).toBeNull();
});
