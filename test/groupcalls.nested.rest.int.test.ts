import { rest, type Json } from './support/rest';
import { activeflowOf, answerLeg, BUSY, createGroupcall, getCall, getGroupcall, historyTypes, RINGS, SOURCE, specBody, waitForCall, waitForGroupcall } from './support/groupcalls';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

/**
 * Nested groupcalls on REST: a destination `{"type": "groupcall", "groupcall": {destinations,
 * ring_method, dial_timeout}}` is a groupcall of its own, nested in the one asked for
 * (docs/groupcalls.md). An answer at any level wins for every level; the limits are refused.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const nested = (destinations: Json[], extra: Json = {}): Json => ({ type: 'groupcall', groupcall: { destinations, ...extra } });

const count = (types: string[], type: string) => types.filter((each) => each === type).length;

describe('nested groupcalls', () => {
  it('dials a nested groupcall as a destination: listed in groupcall_ids, its master in master_groupcall_id', async () => {
    const top = await createGroupcall(t, specBody([RINGS(101), nested([RINGS(102), RINGS(103)])]));
    expect(top).toMatchObject({ call_count: 1, groupcall_count: 1 });
    expect(top.call_ids).toHaveLength(1);
    const [childId] = top.groupcall_ids as string[];
    expect(top.destinations[1]).toEqual({ type: 'groupcall', target: childId, target_name: '', name: '', detail: '' });
    const child = await getGroupcall(t, childId as string);
    expect(child).toMatchObject({ master_groupcall_id: top.id, ring_method: 'ring_all', answer_method: 'hangup_others', status: 'progressing', call_count: 2, flow_id: top.flow_id });
    for (const leg of child.call_ids as string[]) expect((await getCall(t, leg)).groupcall_id).toBe(childId);
    await rest(t, 'POST', `/groupcalls/${top.id}/hangup`);
    await waitForGroupcall(t, childId as string, (g) => g.status === 'hangup', 'the nested one ended with its master');
    await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'ended');
  });

  it('an answer in the nested groupcall wins for every level: every other leg ends cancel, the flow runs on the winner, each groupcall ends once', async () => {
    const top = await createGroupcall(t, specBody([RINGS(111), nested([RINGS(112), RINGS(113)])]));
    const childId = top.groupcall_ids[0] as string;
    const child = await getGroupcall(t, childId);
    const [sibling, winner] = child.call_ids as string[];
    await answerLeg(t, winner as string);
    const answered = await waitForGroupcall(t, top.id, (g) => g.answer_call_id !== ZERO, 'answered');
    expect(answered).toMatchObject({ answer_call_id: winner, answer_groupcall_id: childId });
    expect(await getGroupcall(t, childId)).toMatchObject({ answer_call_id: winner, answer_groupcall_id: ZERO });
    for (const loser of [top.call_ids[0], sibling] as string[]) expect(await waitForCall(t, loser, 'hangup')).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    await waitFor(() => activeflowOf(t, winner as string), (flow) => flow !== undefined, 'the winner to run the flow');
    expect(await activeflowOf(t, sibling as string)).toBeUndefined();

    await rest(t, 'POST', `/calls/${winner}/hangup`);
    await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'the master ended after the nested one');
    await waitFor(() => historyTypes(t, `/groupcalls/${top.id}`), (types) => types.includes('groupcall_hangup'), 'the final event');
    for (const id of [top.id, childId]) {
      const types = await historyTypes(t, `/groupcalls/${id}`);
      expect([count(types, 'groupcall_progressing'), count(types, 'groupcall_hangup')]).toEqual([1, 1]);
    }
    expect((await getGroupcall(t, childId)).status).toBe('hangup');
  });

  it('an answer at the top cancels every level below: nested legs end cancel and a nested linear stops dialling', async () => {
    const top = await createGroupcall(t, specBody([RINGS(121), nested([RINGS(122), nested([RINGS(123), RINGS(124)], { ring_method: 'linear' })])]));
    const childId = top.groupcall_ids[0] as string;
    const child = await getGroupcall(t, childId);
    const grandchildId = child.groupcall_ids[0] as string;
    const grandchild = await getGroupcall(t, grandchildId);
    expect(grandchild).toMatchObject({ master_groupcall_id: childId, ring_method: 'linear', dial_index: 0 });
    expect(grandchild.call_ids).toHaveLength(1);
    await answerLeg(t, top.call_ids[0] as string);
    for (const loser of [child.call_ids[0], grandchild.call_ids[0]] as string[]) {
      expect(await waitForCall(t, loser, 'hangup')).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    }
    const endedGrandchild = await waitForGroupcall(t, grandchildId, (g) => g.status === 'hangup', 'the linear one ended');
    expect(endedGrandchild.call_ids).toHaveLength(1); // its second destination is never dialled
    expect(endedGrandchild.answer_call_id).toBe(ZERO);
    await waitForGroupcall(t, childId, (g) => g.status === 'hangup', 'the nested one ended');
    expect((await getGroupcall(t, top.id)).status).toBe('progressing'); // its winner is up
    for (const id of [childId, grandchildId]) expect(count(await historyTypes(t, `/groupcalls/${id}`), 'groupcall_hangup')).toBe(1);
    await rest(t, 'POST', `/groupcalls/${top.id}/hangup`);
    await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'ended');
  });

  it('linear reaches a nested groupcall on its turn, which rings its own destinations', async () => {
    const top = await createGroupcall(t, specBody([BUSY(131), nested([RINGS(132), RINGS(133)])], { ring_method: 'linear' }));
    expect(top.groupcall_ids).toEqual([]);
    const moved = await waitForGroupcall(t, top.id, (g) => g.groupcall_ids.length === 1, 'the nested one dialled');
    expect(moved).toMatchObject({ dial_index: 1, groupcall_count: 1 });
    expect(moved.groupcall_ids[0]).toBe(moved.destinations[1].target);
    const child = await getGroupcall(t, moved.groupcall_ids[0]);
    const [winner, loser] = child.call_ids as string[];
    await answerLeg(t, winner as string);
    await waitForGroupcall(t, top.id, (g) => g.answer_call_id === winner, 'answered through the nested one');
    expect(await waitForCall(t, loser as string, 'hangup')).toMatchObject({ hangup_reason: 'cancel' });
    await rest(t, 'POST', `/groupcalls/${top.id}/hangup`);
    await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'ended');
  });

  it('a linear master moves on when its nested groupcall ended unanswered', async () => {
    const top = await createGroupcall(t, specBody([nested([BUSY(141), BUSY(142)]), RINGS(143)], { ring_method: 'linear' }));
    const childId = top.groupcall_ids[0] as string;
    const moved = await waitForGroupcall(t, top.id, (g) => g.call_ids.length === 1, 'the next destination dialled');
    expect(moved.dial_index).toBe(1);
    expect((await getGroupcall(t, childId)).status).toBe('hangup');
    await rest(t, 'POST', `/groupcalls/${top.id}/hangup`);
    await waitForGroupcall(t, top.id, (g) => g.status === 'hangup', 'ended');
  });

  it('refuses nesting deeper than 5 levels and more than 100 legs in all with 400 naming the limit, creating nothing', async () => {
    const other = await t.newCustomer('nested-limits');
    const source = { type: 'tel', target: '+15557770011' };
    await t.ownNumber(other.customerId, source.target);
    const levels = (n: number): Json[] => (n === 1 ? [RINGS(150)] : [RINGS(150 + n), nested(levels(n - 1))]);
    const legs = (from: number, n: number) => Array.from({ length: n }, (_, i) => RINGS(from + i));
    const refused: [Json[], string, RegExp][] = [
      [levels(6), 'GROUPCALL_TOO_DEEP', /at most 5 levels/],
      [[...legs(200, 60), nested(legs(300, 41))], 'GROUPCALL_TOO_MANY_LEGS', /at most 100 legs in all.*this one has 101/],
      [[nested([RINGS(1)], { flow_id: ZERO })], 'VALIDATION_FAILED', /destinations\[0\]\.groupcall\.flow_id/],
      [[nested([])], 'VALIDATION_FAILED', /destinations\[0\]\.groupcall\.destinations/],
    ];
    for (const [destinations, reason, message] of refused) {
      const answer = await rest(t, 'POST', '/groupcalls', specBody(destinations, { source }), other.token);
      expect({ status: answer.status, reason: answer.body.error?.reason }).toEqual({ status: 400, reason });
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await rest(t, 'GET', '/groupcalls', undefined, other.token)).body.result).toEqual([]);
    expect((await rest(t, 'GET', '/calls', undefined, other.token)).body.result).toEqual([]);
    // Exactly at the limits is accepted.
    const deepest = await rest(t, 'POST', '/groupcalls', specBody(levels(5), { source }), other.token);
    expect(deepest.status).toBe(200);
    await rest(t, 'POST', `/groupcalls/${deepest.body.id}/hangup`, undefined, other.token);
  });

  it('refuses a nested groupcall as a call destination', async () => {
    const answer = await rest(t, 'POST', '/calls', { source: SOURCE, destinations: [nested([RINGS(1)])] });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('destinations[0].type');
  });
});
