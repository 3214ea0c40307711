import ttsCall from './fixtures/spec-call-tts.json';
import {
  CallAndFlowEventsDocument,
  CallsWithActiveflowsDocument,
  CallWithActiveflowDocument,
  GetActiveflowDocument,
  StopActiveflowDocument,
} from './generated/graphql';
import { createCalls, waitForCall, waitForHangup } from './support/flows';
import { collect, graphql, wsClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const sleeping = { ...ttsCall, actions: [{ type: 'sleep', option: { duration: 600000 } }, { type: 'talk', option: { text: 'never', language: 'en-US' } }] };
const callWithFlow = async (id: string) => (await graphql(t.baseUrl, t.accessKey, CallWithActiveflowDocument, { id })).data?.call;

test('Call.activeflow, activeflow(id) and stopActiveflow', async () => {
  const [created] = await createCalls(t, sleeping);
  const id = created!.id as string;
  // The call is read before its activeflow within one request, so wait until both show the move.
  const call = await waitFor(() => callWithFlow(id), (c) => c?.activeflow?.currentAction?.type === 'sleep' && c.action != null, 'the flow to sleep');
  const flow = call!.activeflow!;
  expect(flow).toMatchObject({ status: 'RUNNING', callId: id, flowId: created!.flow_id, endedAt: null });
  expect(flow.currentAction).toMatchObject({ option: { duration: 600000 }, error: null, executedAt: expect.any(String) });
  expect(flow.variables).toMatchObject({ 'voipbin.call.id': id, 'voipbin.call.destination.target': ttsCall.destinations[0]!.target });
  expect(call!.action).toMatchObject({ id: flow.currentAction!.id, type: 'sleep' });

  const fetched = await graphql(t.baseUrl, t.accessKey, GetActiveflowDocument, { id: flow.id });
  expect(fetched.data?.activeflow).toMatchObject({ id: flow.id, call: { id, status: 'PROGRESSING' } });

  const stopped = await graphql(t.baseUrl, t.accessKey, StopActiveflowDocument, { id: flow.id });
  expect(stopped.errors).toBeUndefined();
  expect(stopped.data?.stopActiveflow).toMatchObject({ status: 'ENDED', endedAt: expect.any(String) });
  await waitForHangup(t, id);

  const other = await t.newCustomer();
  expect((await graphql(t.baseUrl, other.token, GetActiveflowDocument, { id: flow.id })).data?.activeflow).toBeNull();
  const refused = await graphql(t.baseUrl, other.token, StopActiveflowDocument, { id: flow.id });
  expect(refused.errors?.[0]?.extensions?.code).toBe('ACTIVEFLOW_NOT_FOUND');
  const bad = await graphql(t.baseUrl, t.accessKey, GetActiveflowDocument, { id: 'nope' });
  expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
});

test('a page of calls loads their activeflows (null for a call without a flow)', async () => {
  const [withFlow] = await createCalls(t, ttsCall);
  const [without] = await createCalls(t, { source: ttsCall.source, destinations: ttsCall.destinations });
  await waitForHangup(t, withFlow!.id);
  const page = await graphql(t.baseUrl, t.accessKey, CallsWithActiveflowsDocument, { first: 100 });
  const nodes = page.data!.calls.nodes;
  expect(nodes.find((node) => node.id === withFlow!.id)?.activeflow).toMatchObject({ callId: withFlow!.id, status: 'ENDED' });
  expect(nodes.find((node) => node.id === without!.id)?.activeflow).toBeNull();
});

test('callEvents carries activeflow_created, activeflow_updated and the call_updated of each new action', async () => {
  const client = wsClient(t.baseUrl, t.accessKey);
  try {
    const all = collect(client, CallAndFlowEventsDocument, {});
    // The stream is live once a probe call's first event comes through it.
    const [probe] = await createCalls(t, { source: ttsCall.source, destinations: [{ type: 'tel', target: '+15550001001' }] });
    await waitFor(async () => all.items, (items) => items.some((item) => item.callEvents.call.id === probe!.id), 'the stream to carry events');
    const [created] = await createCalls(t, ttsCall);
    const id = created!.id as string;
    await waitForHangup(t, id);
    const ofCall = () => all.items.map((item) => item.callEvents).filter((event) => event.call.id === id);
    await waitFor(async () => ofCall(), (events) => events.some((e) => e.type === 'activeflow_updated' && e.activeflow?.status === 'ENDED'), 'the flow to end');
    const types = ofCall().map((event) => event.type);
    expect(types).toContain('activeflow_created');
    const updated = ofCall().find((event) => event.type === 'call_updated' && (event.call.action as { type?: string } | null)?.type === 'talk');
    expect(updated).toBeDefined();
    expect(ofCall().find((event) => event.type === 'activeflow_updated' && event.activeflow?.currentAction?.type === 'talk')).toBeDefined();
    await waitForCall(t, id, (call) => call.status === 'hangup', 'hung up');
  } finally {
    await client.dispose();
  }
});
