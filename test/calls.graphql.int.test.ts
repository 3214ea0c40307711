import {
  CallEventsDocument,
  CreateCallsDocument,
  GetCallDocument,
  HangupCallDocument,
  ListCallsDocument,
  type CallFieldsFragment,
} from './generated/graphql';
import { collect, graphql, wsClient } from './support/graphql-client';
import { startTestApp, type TestApp } from './support/test-app';
import { simChannel } from './support/sim';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { type: 'TEL' as const, target: '+15551234567' };
const tel = (target: string) => ({ type: 'TEL' as const, target });

async function createCall(target: string, extra: { dialTimeout?: number } = {}): Promise<CallFieldsFragment> {
  const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
    input: { source: SOURCE, destinations: [tel(target)], ...extra },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createCalls[0]!;
}

const getCall = async (id: string, token = t.accessKey) => (await graphql(t.baseUrl, token, GetCallDocument, { id })).data?.call ?? null;

const waitForStatus = (id: string, status: string) =>
  waitFor(() => getCall(id), (call) => call?.status === status, `call ${id} to be ${status}`);

describe('an outgoing call through GraphQL', () => {
  it('goes dialing → ringing → progressing, and hangupCall ends it with local/normal', async () => {
    const created = await createCall('+15559876543');
    expect(created).toMatchObject({ status: 'DIALING', direction: 'OUTGOING', ringingAt: null, hangupAt: null });

    const answered = await waitForStatus(created.id, 'PROGRESSING');
    expect(answered?.ringingAt).not.toBeNull();
    expect(answered?.progressingAt).not.toBeNull();

    const hangup = await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: created.id });
    expect(hangup.data?.hangupCall.status).toBe('TERMINATING');

    const ended = await waitForStatus(created.id, 'HANGUP');
    expect(ended).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'NORMAL' });
    expect(ended?.hangupAt).not.toBeNull();
  });

  it('is canceled when hung up before answer: local/cancel', async () => {
    const created = await createCall('+15550002001'); // rings forever
    await waitForStatus(created.id, 'RINGING');
    const hangup = await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: created.id });
    expect(hangup.data?.hangupCall.status).toBe('CANCELING');
    expect(await waitForStatus(created.id, 'HANGUP')).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'CANCEL', progressingAt: null });
  });

  it('ends a call hung up right after it was created, before or while its channel is made', async () => {
    // A far end that never answers, so each hangup is a cancel however loaded the machine is.
    const created = await Promise.all(Array.from({ length: 5 }, () => createCall('+15550002500')));
    for (const call of created) await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: call.id });
    for (const call of created) {
      expect(await waitForStatus(call.id, 'HANGUP')).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'CANCEL', progressingAt: null });
      // No channel is left up behind an ended call: the far end, if it was reached, is gone too.
      const farEnd = await simChannel(t.simUrl, call.id);
      if (farEnd) await waitFor(() => simChannel(t.simUrl, call.id), (channel) => channel?.state === 'Destroyed', 'the far end to hang up');
    }
  });

  it('answers CALL_ALREADY_HUNGUP when hanging up a call that has already hung up', async () => {
    const created = await createCall('+15550001001'); // busy
    await waitForStatus(created.id, 'HANGUP');
    const again = await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: created.id });
    expect(again.errors?.[0]?.extensions?.code).toBe('CALL_ALREADY_HUNGUP');
    expect((await getCall(created.id))?.hangupReason).toBe('BUSY');
  });

  it('makes one call per destination', async () => {
    const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
      input: { source: SOURCE, destinations: [tel('+15559870001'), tel('+15559870002')] },
    });
    const calls = result.data!.createCalls;
    expect(calls.map((call) => call.destination.target)).toEqual(['+15559870001', '+15559870002']);
    expect(new Set(calls.map((call) => call.id)).size).toBe(2);
    for (const call of calls) await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: call.id });
  });
});

describe('the sandbox number plan', () => {
  it.each([
    ['+15550001123', 'busy at once', 'REMOTE', 'BUSY', false],
    ['+15550003123', 'rings, then the far end gives up', 'REMOTE', 'NOANSWER', true],
    ['+15550004123', 'unreachable', 'REMOTE', 'FAILED', false],
    ['+15550005123', 'answers, then hangs up', 'REMOTE', 'NORMAL', true],
  ])('%s (%s) ends with %s/%s', async (target, _what, hangupBy, hangupReason, rang) => {
    const created = await createCall(target);
    const ended = await waitForStatus(created.id, 'HANGUP');
    expect(ended).toMatchObject({ hangupBy, hangupReason });
    expect(ended?.ringingAt !== null).toBe(rang);
  });

  it('ends a call that rings past its dialTimeout as local/dialout', async () => {
    const created = await createCall('+15550002123', { dialTimeout: 1000 });
    expect(created.dialTimeout).toBe(1000);
    const ended = await waitForStatus(created.id, 'HANGUP');
    expect(ended).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'DIALOUT', progressingAt: null });
    expect(ended?.ringingAt).not.toBeNull();
  });
});

describe('callEvents subscription', () => {
  it('streams one call’s events in order with increasing sequence, then completes after call_hungup', async () => {
    const created = await createCall('+15550005999'); // answers, then the far end hangs up
    const client = wsClient(t.baseUrl, t.accessKey);
    try {
      const events = await collect(client, CallEventsDocument, { callId: created.id }).done;
      const types = events.map((event) => event.callEvents.type);
      expect(types).toEqual(['call_created', 'call_ringing', 'call_answered', 'call_hungup']);
      expect(events.map((event) => event.callEvents.sequence)).toEqual([1, 2, 3, 4]);
      expect(events.map((event) => event.callEvents.call.status)).toEqual(['DIALING', 'RINGING', 'PROGRESSING', 'HANGUP']);
    } finally {
      await client.dispose();
    }
  });

  it('replays only what follows afterSequence', async () => {
    const created = await createCall('+15550001777'); // busy
    await waitForStatus(created.id, 'HANGUP');
    const client = wsClient(t.baseUrl, t.accessKey);
    try {
      const events = await collect(client, CallEventsDocument, { callId: created.id, afterSequence: 1 }).done;
      expect(events.map((event) => event.callEvents.type)).toEqual(['call_hungup']);
    } finally {
      await client.dispose();
    }
  });

  it('refuses a subscription without a valid access key (socket closed with 4401)', async () => {
    const client = wsClient(t.baseUrl, 'not-a-key');
    try {
      await expect(collect(client, CallEventsDocument, {}).done).rejects.toMatchObject({ code: 4401 });
    } finally {
      await client.dispose();
    }
  });

  it('answers NOT_FOUND when subscribing to another customer’s call', async () => {
    const call = await createCall('+15559876222');
    const other = await t.newCustomer('eve');
    const client = wsClient(t.baseUrl, other.token);
    try {
      await expect(collect(client, CallEventsDocument, { callId: call.id }).done).rejects.toThrow(/NOT_FOUND/);
    } finally {
      await client.dispose();
      await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: call.id });
    }
  });
});

describe('validation', () => {
  it.each([
    ['+1 555-123', 'destinations[0].target'],
    ['15551234567', 'destinations[0].target'],
    ['', 'destinations[0].target'],
  ])('refuses destination %j naming %s, and creates nothing', async (target, field) => {
    const before = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { first: 100 });
    const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: SOURCE, destinations: [tel(target)] } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ADDRESS', field });
    expect(result.errors?.[0]?.message).toContain(field);
    const after = await graphql(t.baseUrl, t.accessKey, ListCallsDocument, { first: 100 });
    expect(after.data?.calls.edges.length).toBe(before.data?.calls.edges.length);
  });

  it('refuses an invalid source naming it', async () => {
    const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, { input: { source: tel('555'), destinations: [tel('+15559876543')] } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ADDRESS', field: 'source.target' });
  });

  it('answers FLOW_NOT_FOUND for a flowId that is not the customer’s', async () => {
    const result = await graphql(t.baseUrl, t.accessKey, CreateCallsDocument, {
      input: { source: SOURCE, destinations: [tel('+15559876543')], flowId: '8a1f7c0e-0000-4000-8000-000000000001' },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FLOW_NOT_FOUND');
  });
});

describe('authentication and tenancy', () => {
  it('answers UNAUTHENTICATED (HTTP 401) without a valid access key', async () => {
    for (const token of [null, 'not-a-key']) {
      const result = await graphql(t.baseUrl, token, ListCallsDocument, {});
      expect(result.status).toBe(401);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps one customer’s calls away from another', async () => {
    const call = await createCall('+15559876111');
    const other = await t.newCustomer();
    expect(await getCall(call.id, other.token)).toBeNull();
    const hangup = await graphql(t.baseUrl, other.token, HangupCallDocument, { id: call.id });
    expect(hangup.errors?.[0]?.extensions?.code).toBe('CALL_NOT_FOUND');
    const list = await graphql(t.baseUrl, other.token, ListCallsDocument, {});
    expect(list.data?.calls.edges).toEqual([]);
    expect((await getCall(call.id))?.status).not.toMatch(/TERMINATING|CANCELING/);
    await graphql(t.baseUrl, t.accessKey, HangupCallDocument, { id: call.id });
  });
});
