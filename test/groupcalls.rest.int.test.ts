import { rest, type Json } from './support/rest';
import { activeflowOf, answerLeg, BUSY, createGroupcall, getCall, getGroupcall, historyTypes, RINGS, specBody, waitForCall, waitForGroupcall } from './support/groupcalls';
import { simChannel } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { waitFor } from './support/wait';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.stop();
});

const ZERO = '00000000-0000-0000-0000-000000000000';
const GROUPCALL_FIELDS = [
  'answer_call_id', 'answer_groupcall_id', 'answer_method', 'call_count', 'call_ids', 'customer_id', 'destinations', 'dial_index', 'dial_timeout',
  'flow_id', 'groupcall_count', 'groupcall_ids', 'id', 'master_call_id', 'master_groupcall_id', 'ring_method', 'source', 'status',
  'tm_create', 'tm_delete', 'tm_hangup', 'tm_update',
];

describe('POST /v1.0/groupcalls (ring_all)', () => {
  it('rings every destination at once and answers VoIPBIN shape', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(1), RINGS(2), RINGS(3)]));
    expect(Object.keys(groupcall).sort()).toEqual(GROUPCALL_FIELDS);
    expect(groupcall).toMatchObject({
      ring_method: 'ring_all',
      answer_method: 'hangup_others',
      status: 'progressing',
      answer_call_id: ZERO,
      master_groupcall_id: ZERO,
      call_count: 3,
      groupcall_count: 0,
      dial_index: 0,
      dial_timeout: 30000,
      destinations: [RINGS(1), RINGS(2), RINGS(3)].map((d) => expect.objectContaining(d)),
    });
    expect(groupcall.call_ids).toHaveLength(3);
    for (const id of groupcall.call_ids as string[]) {
      const call = await getCall(t, id);
      expect(call.groupcall_id).toBe(groupcall.id);
      await waitFor(() => simChannel(t.simUrl, id), (channel) => channel?.state === 'Ringing', 'every leg to ring');
    }
    await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
  });

  it('lets the first answer win: the others end local/cancel, the flow runs on the winner only, the groupcall ends once', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(11), RINGS(12), RINGS(13)]));
    const [first, winner, third] = groupcall.call_ids as string[];
    await answerLeg(t, winner as string);
    const answered = await waitForGroupcall(t, groupcall.id, (g) => g.answer_call_id !== ZERO, 'answered');
    expect(answered.answer_call_id).toBe(winner);
    for (const loser of [first, third] as string[]) {
      const ended = await waitForCall(t, loser, 'hangup');
      expect(ended).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    }
    await waitFor(() => activeflowOf(t, winner as string), (flow) => flow !== undefined, 'the winner to run the flow');
    expect(await activeflowOf(t, first as string)).toBeUndefined();
    expect(await activeflowOf(t, third as string)).toBeUndefined();
    expect((await getGroupcall(t, groupcall.id)).status).toBe('progressing');

    await rest(t, 'POST', `/calls/${winner}/hangup`);
    const ended = await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
    expect(ended.call_count).toBe(0);
    await waitFor(() => historyTypes(t, `/groupcalls/${groupcall.id}`), (types) => types.includes('groupcall_hangup'), 'the final event');
    expect(await historyTypes(t, `/groupcalls/${groupcall.id}`)).toEqual(['groupcall_created', 'groupcall_progressing', 'groupcall_hangup']);
  });

  it('keeps one winner when two legs answer together', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(21), RINGS(22)]));
    const legs = groupcall.call_ids as string[];
    await Promise.all(legs.map((leg) => waitFor(() => simChannel(t.simUrl, leg), (c) => c?.state === 'Ringing', 'ringing')));
    await Promise.all(legs.map((leg) => answerLeg(t, leg)));
    const answered = await waitForGroupcall(t, groupcall.id, (g) => g.answer_call_id !== ZERO, 'answered');
    const loser = legs.find((leg) => leg !== answered.answer_call_id) as string;
    expect(await waitForCall(t, loser, 'hangup')).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    expect((await getCall(t, answered.answer_call_id)).status).toBe('progressing');
    await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
    await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
  });

  it('with answer_method "" leaves the other legs ringing after the answer', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(31), RINGS(32)], { answer_method: '' }));
    const [winner, other] = groupcall.call_ids as string[];
    await answerLeg(t, winner as string);
    await waitForGroupcall(t, groupcall.id, (g) => g.answer_call_id === winner, 'answered');
    await waitFor(() => activeflowOf(t, winner as string), (flow) => flow !== undefined, 'the winner to run the flow');
    expect((await getCall(t, other as string)).status).toBe('ringing');
    await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
    await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
  });

  it('ends when every leg ended unanswered', async () => {
    const groupcall = await createGroupcall(t, specBody([BUSY(1), BUSY(2)]));
    const ended = await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
    expect(ended.answer_call_id).toBe(ZERO);
    for (const leg of groupcall.call_ids as string[]) expect((await getCall(t, leg)).hangup_reason).toBe('busy');
  });
});

describe('hangup, delete, list, errors', () => {
  it('POST /hangup ends every ringing leg and the groupcall; a second hangup is 409', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(41), RINGS(42)]));
    const hanging = await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
    expect(hanging.status).toBe(200);
    expect(['hangingup', 'hangup']).toContain(hanging.body.status);
    await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
    for (const leg of groupcall.call_ids as string[]) expect((await getCall(t, leg)).status).toBe('hangup');
    const again = await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`);
    expect(again.status).toBe(409);
    const types = await historyTypes(t, `/groupcalls/${groupcall.id}`);
    expect(types.filter((type) => type === 'groupcall_hangup')).toHaveLength(1);
  });

  it('DELETE hangs up and hides the groupcall from the list, still readable by id', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(51)]));
    const deleted = await rest(t, 'DELETE', `/groupcalls/${groupcall.id}`);
    expect(deleted.status).toBe(200);
    await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup' && g.tm_delete !== '9999-01-01 00:00:00.000000', 'ended and deleted');
    const list = await rest(t, 'GET', '/groupcalls?page_size=100');
    expect((list.body.result as Json[]).map((g) => g.id)).not.toContain(groupcall.id);
  });

  it('pages the list newest first with page_token', async () => {
    const other = await t.newCustomer('pager');
    const source = { type: 'tel', target: '+15557770001' };
    await t.ownNumber(other.customerId, source.target);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await rest(t, 'POST', '/groupcalls', specBody([BUSY(60 + i)], { source }), other.token)).body.id);
    const first = await rest(t, 'GET', '/groupcalls?page_size=2', undefined, other.token);
    expect((first.body.result as Json[]).map((g) => g.id)).toEqual([made[2], made[1]]);
    const second = await rest(t, 'GET', `/groupcalls?page_size=2&page_token=${encodeURIComponent(first.body.next_page_token)}`, undefined, other.token);
    expect((second.body.result as Json[]).map((g) => g.id)).toEqual([made[0]]);
  });

  it('refuses bad input with 400 naming the field, creating nothing', async () => {
    const other = await t.newCustomer('bad-input');
    const source = { type: 'tel', target: '+15557770002' };
    await t.ownNumber(other.customerId, source.target);
    const bodies: [Json, string][] = [
      [specBody([RINGS(70)], { ring_method: 'round_robin' }), 'ring_method'],
      [specBody([RINGS(70)], { answer_method: 'keep_all' }), 'answer_method'],
      [specBody([]), 'destinations'],
      [specBody([{ type: 'tel', target: 'nope' }]), 'destinations[0]'],
      [specBody([RINGS(70)], { dial_timeout: 5 }), 'dial_timeout'],
    ];
    for (const [body, field] of bodies) {
      const answer = await rest(t, 'POST', '/groupcalls', { ...body, source }, other.token);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toContain(field);
    }
    expect((await rest(t, 'GET', '/groupcalls', undefined, other.token)).body.result).toEqual([]);
  });

  it("never shows or touches another customer's groupcall", async () => {
    const groupcall = await createGroupcall(t, specBody([BUSY(80)]));
    const other = await t.newCustomer('stranger');
    expect((await rest(t, 'GET', `/groupcalls/${groupcall.id}`, undefined, other.token)).status).toBe(404);
    expect((await rest(t, 'POST', `/groupcalls/${groupcall.id}/hangup`, undefined, other.token)).status).toBe(404);
    expect((await rest(t, 'DELETE', `/groupcalls/${groupcall.id}`, undefined, other.token)).status).toBe(404);
    expect((await rest(t, 'GET', `/groupcalls/not-a-uuid`)).status).toBe(400);
  });
});

describe('linear', () => {
  it('dials one destination at a time, moving on when one ends unanswered, and stops at the first answer', async () => {
    const groupcall = await createGroupcall(t, specBody([BUSY(91), RINGS(92), RINGS(93)], { ring_method: 'linear' }));
    expect(groupcall.call_ids).toHaveLength(1);
    expect(groupcall.dial_index).toBe(0);
    const second = await waitForGroupcall(t, groupcall.id, (g) => g.call_ids.length === 2, 'the second destination dialled');
    expect(second.dial_index).toBe(1);
    expect((await getCall(t, second.call_ids[0])).hangup_reason).toBe('busy');
    const legTwo = second.call_ids[1] as string;
    expect((await getCall(t, legTwo)).destination.target).toBe(RINGS(92).target);
    await answerLeg(t, legTwo);
    const answered = await waitForGroupcall(t, groupcall.id, (g) => g.answer_call_id === legTwo, 'answered');
    expect(answered.call_ids).toHaveLength(2); // the third destination is never dialled
    await rest(t, 'POST', `/calls/${legTwo}/hangup`);
    const ended = await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended');
    expect(ended.call_ids).toHaveLength(2);
  });

  it('gives each destination its own dial timeout, then ends after the last', async () => {
    const groupcall = await createGroupcall(t, specBody([RINGS(94), RINGS(95)], { ring_method: 'linear', dial_timeout: 1000 }));
    const ended = await waitForGroupcall(t, groupcall.id, (g) => g.status === 'hangup', 'ended after both timed out');
    expect(ended.call_ids).toHaveLength(2);
    for (const leg of ended.call_ids as string[]) expect(await getCall(t, leg)).toMatchObject({ hangup_by: 'local', hangup_reason: 'dialout', dial_timeout: 1000 });
    expect(ended.answer_call_id).toBe(ZERO);
  });
});
