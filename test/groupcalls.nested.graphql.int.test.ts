import { CreateGroupcallDocument, GetGroupcallDocument, HangupGroupcallDocument, type GroupcallDestinationInput, type RingMethod } from './generated/graphql';
import { graphql } from './support/graphql-client';
import { answerLeg } from './support/groupcalls';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/** Nested groupcalls over GraphQL: a destination of type GROUPCALL with `groupcall: {destinations, ringMethod}`. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const SOURCE = { type: 'TEL' as const, target: '+15551234567' };
const rings = (n: number): GroupcallDestinationInput => ({ type: 'TEL', target: `+1555000${2400 + n}` });
const nested = (destinations: GroupcallDestinationInput[], ringMethod?: RingMethod): GroupcallDestinationInput => ({ type: 'GROUPCALL', groupcall: { destinations, ringMethod } });

const create = (destinations: GroupcallDestinationInput[]) =>
  graphql(t.baseUrl, t.accessKey, CreateGroupcallDocument, { input: { source: SOURCE, destinations, actions: [{ type: 'sleep', option: { duration: 60000 } }] } });
const getGroupcall = async (id: string) => (await graphql(t.baseUrl, t.accessKey, GetGroupcallDocument, { id })).data?.groupcall ?? null;

describe('nested groupcalls over GraphQL', () => {
  it('shows the nested groupcall, its master and its legs; an answer in it wins for both levels', async () => {
    const result = await create([rings(1), nested([rings(2), rings(3)], 'RING_ALL')]);
    expect(result.errors).toBeUndefined();
    const top = result.data!.createGroupcall;
    expect(top).toMatchObject({ groupcallCount: 1, callCount: 1, masterCallId: null });
    const [child] = top.groupcalls;
    expect(child).toMatchObject({ status: 'PROGRESSING', masterGroupcallId: top.id, ringMethod: 'RING_ALL' });
    expect(top.destinations[1]).toEqual({ type: 'GROUPCALL', target: child!.id });
    expect(top.groupcallIds).toEqual([child!.id]);

    const winner = child!.callIds[1] as string;
    await answerLeg(t, winner);
    const answered = await waitFor(() => getGroupcall(top.id), (g) => g?.answerCallId === winner, 'the answer');
    expect(answered).toMatchObject({ answerGroupcallId: child!.id, answeredCall: { id: winner } });
    const ended = await waitFor(
      () => getGroupcall(top.id),
      (g) => g!.calls.every((c) => c.status === 'HANGUP') && g!.groupcalls[0]!.calls.filter((c) => c.id !== winner).every((c) => c.status === 'HANGUP'),
      'every loser to end',
    );
    for (const loser of [...ended!.calls, ...ended!.groupcalls[0]!.calls.filter((c) => c.id !== winner)]) expect(loser).toMatchObject({ hangupBy: 'LOCAL', hangupReason: 'CANCEL' });
    const nestedOne = await getGroupcall(child!.id);
    expect(nestedOne?.master?.id).toBe(top.id);

    expect((await graphql(t.baseUrl, t.accessKey, HangupGroupcallDocument, { id: top.id })).errors).toBeUndefined();
    await waitFor(() => getGroupcall(top.id), (g) => g?.status === 'HANGUP' && g.groupcallCount === 0, 'both levels to end');
  });

  it('refuses a 6th level and a 101st leg with the limit named in the message and extensions.code', async () => {
    const levels = (n: number): GroupcallDestinationInput[] => (n === 1 ? [rings(10)] : [rings(10 + n), nested(levels(n - 1))]);
    const deep = await create(levels(6));
    expect(deep.errors?.[0]?.extensions?.code).toBe('GROUPCALL_TOO_DEEP');
    expect(deep.errors?.[0]?.message).toMatch(/at most 5 levels/);
    const many = await create([...Array.from({ length: 70 }, (_, i) => rings(100 + i)), nested(Array.from({ length: 31 }, (_, i) => rings(200 + i)))]);
    expect(many.errors?.[0]?.extensions?.code).toBe('GROUPCALL_TOO_MANY_LEGS');
    expect(many.errors?.[0]?.message).toMatch(/at most 100 legs in all/);
    const plainCall = await create([{ type: 'GROUPCALL' }]);
    expect(plainCall.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  });
});
