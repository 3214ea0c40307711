import {
  CallGroupcallDocument,
  CreateGroupcallDocument,
  DeleteGroupcallDocument,
  GetGroupcallDocument,
  GroupcallEventsDocument,
  HangupGroupcallDocument,
  ListGroupcallsDocument,
  type CreateGroupcallMutationVariables,
} from './generated/graphql';
import { collect, graphql, wsClient } from './support/graphql-client';
import { answerLeg } from './support/groupcalls';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { type: 'TEL' as const, target: '+15551234567' };
const rings = (n: number) => ({ type: 'TEL' as const, target: `+1555000${2100 + n}` });

async function createGroupcall(input: Partial<CreateGroupcallMutationVariables['input']> & Pick<CreateGroupcallMutationVariables['input'], 'destinations'>) {
  const result = await graphql(t.baseUrl, t.accessKey, CreateGroupcallDocument, {
    input: { source: SOURCE, actions: [{ type: 'sleep', option: { duration: 60000 } }], ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createGroupcall;
}

const getGroupcall = async (id: string, token = t.accessKey) => (await graphql(t.baseUrl, token, GetGroupcallDocument, { id })).data?.groupcall ?? null;

describe('groupcalls over GraphQL', () => {
  it('rings every leg, lets the first answer win, cancels the others and streams every event up to the final one', async () => {
    const created = await createGroupcall({ destinations: [rings(1), rings(2), rings(3)] });
    expect(created).toMatchObject({ status: 'PROGRESSING', ringMethod: 'RING_ALL', answerMethod: 'HANGUP_OTHERS', callCount: 3, answeredCall: null, groupcalls: [], master: null });
    expect(created.calls.map((call) => call.groupcallId)).toEqual([created.id, created.id, created.id]);

    const client = wsClient(t.baseUrl, t.accessKey);
    try {
      const stream = collect(client, GroupcallEventsDocument, { groupcallId: created.id });
      const winner = created.callIds[1] as string;
      await answerLeg(t, winner);
      const answered = await waitFor(() => getGroupcall(created.id), (g) => g?.answeredCall?.id === winner, 'the answer');
      const losers = answered!.calls.filter((call) => call.id !== winner);
      await waitFor(() => getGroupcall(created.id), (g) => g!.calls.filter((c) => c.id !== winner).every((c) => c.status === 'HANGUP'), 'the losers to end');
      for (const loser of (await getGroupcall(created.id))!.calls.filter((c) => c.id !== winner)) expect(loser).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'CANCEL' });
      expect(losers).toHaveLength(2);

      const leg = await graphql(t.baseUrl, t.accessKey, CallGroupcallDocument, { id: winner });
      expect(leg.data?.call?.groupcall?.id).toBe(created.id);

      const hangup = await graphql(t.baseUrl, t.accessKey, HangupGroupcallDocument, { id: created.id });
      expect(hangup.errors).toBeUndefined();
      const events = (await stream.done).map((event) => event.groupcallEvents);
      const own = events.filter((event) => event.resourceType === 'groupcall').map((event) => event.type);
      expect(own).toEqual(['groupcall_created', 'groupcall_progressing', 'groupcall_updated', 'groupcall_hangup']);
      expect(events.at(-1)).toMatchObject({ type: 'groupcall_hangup', groupcall: { status: 'HANGUP', answerCallId: winner } });
      for (const id of created.callIds) {
        const ofLeg = events.filter((event) => event.resourceId === id).map((event) => event.type);
        expect(ofLeg[0]).toBe('call_created');
        expect(ofLeg.filter((type) => type === 'call_hungup')).toHaveLength(1);
      }
    } finally {
      await client.dispose();
    }
  });

  it('pages groupcalls, deletes one, refuses no destinations with VALIDATION_FAILED, and hides it from another customer', async () => {
    const made = [await createGroupcall({ destinations: [rings(11)] }), await createGroupcall({ destinations: [rings(12)], ringMethod: 'LINEAR', answerMethod: 'NONE' })];
    expect(made[1]).toMatchObject({ ringMethod: 'LINEAR', answerMethod: 'NONE' });
    const first = await graphql(t.baseUrl, t.accessKey, ListGroupcallsDocument, { first: 1 });
    expect(first.data!.groupcalls.nodes.map((g) => g.id)).toEqual([made[1]!.id]);
    expect(first.data!.groupcalls.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(t.baseUrl, t.accessKey, ListGroupcallsDocument, { first: 1, after: first.data!.groupcalls.pageInfo.endCursor });
    expect(second.data!.groupcalls.nodes.map((g) => g.id)).toContain(made[0]!.id);

    for (const groupcall of made) {
      const deleted = await graphql(t.baseUrl, t.accessKey, DeleteGroupcallDocument, { id: groupcall.id });
      expect(deleted.errors).toBeUndefined();
      await waitFor(() => getGroupcall(groupcall.id), (g) => g?.status === 'HANGUP', 'ended');
    }
    const bad = await graphql(t.baseUrl, t.accessKey, CreateGroupcallDocument, { input: { source: SOURCE, destinations: [] } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const other = await t.newCustomer('gql-stranger');
    expect(await getGroupcall(made[0]!.id, other.token)).toBeNull();
    const foreign = await graphql(t.baseUrl, other.token, HangupGroupcallDocument, { id: made[0]!.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('GROUPCALL_NOT_FOUND');
  });
});
