import { farEnd, heard, waitForActiveflow, waitForCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { ANSWERS, BUSY, BUSY_AT, RINGING_AT, RINGS, TRANSFER_SOURCE, ZERO_UUID, connectedPair, getCall, getTransfer, transfer, transferEvents, waitForRinging, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Transfers through REST on the simulator: the caller a connect bridged with an agent (the
 * transferer) is handed to a transferee, blind or attended, with what each party hears.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await t?.stop();
});

const bridgedWith = (id: string, other: string) =>
  waitFor(() => farEnd(t, id), (far) => (far?.bridged_with as string[] | undefined)?.includes(other) === true, `${id} bridged with ${other}`);

describe('blind transfer', () => {
  it('dials the transferee, hangs up the transferer, and bridges the caller with the transferee on answer', async () => {
    const { caller, transferer } = await connectedPair(t);
    const started = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: ANSWERS }, context: { ticket: 42 } });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ transfer_id: expect.any(String), consult_call_id: expect.any(String), status: 'dialing' });
    const { transfer_id: id, consult_call_id: consult } = started.body;

    const done = await waitForTransfer(t, id, 'completed');
    expect(done).toMatchObject({ type: 'blind', caller_call_id: caller, transferer_call_id: transferer, from_call_id: caller, to_call_id: consult, context: { ticket: 42 } });
    expect(await waitForHangup(t, transferer)).toMatchObject({ hangup_by: 'local' });
    expect(await getCall(t, consult)).toMatchObject({ master_call_id: caller, status: 'progressing' });
    await bridgedWith(caller, consult);
    expect(await farEnd(t, caller)).toMatchObject({ ringback: false, moh: { active: false } });
    const events = await transferEvents(t, id);
    expect(events[0]).toBe('transfer_created');
    expect(events.filter((e) => ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(e))).toEqual(['transfer_completed']);

    // The consult call is chained to the caller: the caller's hangup ends it.
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    expect(await waitForHangup(t, consult)).toMatchObject({ hangup_by: 'local' });
  });

  it('lets the caller hear ringing until the transferee answers', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: RINGS } });
    await waitForTransfer(t, body.transfer_id, 'ringing');
    await waitForHangup(t, transferer);
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === true, 'the caller to hear ringing');
    await simPost(t.simUrl, `/sim/channels/${body.consult_call_id}/answer`);
    await waitForTransfer(t, body.transfer_id, 'completed');
    await bridgedWith(caller, body.consult_call_id);
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === false, 'the ringing to stop');
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('a busy transferee fails the transfer; without a fallback the caller ends, local', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: BUSY } });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'busy' });
    expect(await waitForHangup(t, caller)).toMatchObject({ hangup_by: 'local' });
    const events = await transferEvents(t, body.transfer_id);
    expect(events.at(-1)).toBe('transfer_failed');
    expect(events.filter((e) => e === 'transfer_failed')).toHaveLength(1);
  });

  it('no answer within the timeout fails it with reason no_answer', async () => {
    const { transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: RINGS }, timeout: 1000 });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'no_answer' });
    expect(await getCall(t, body.consult_call_id)).toMatchObject({ status: 'hangup', hangup_reason: 'dialout' });
  });
});

describe('blind transfer fallback', () => {
  /** Said by the caller's own flow after the connect: a failed transfer with a fallback must not run it. */
  const AFTER_CONNECT = [{ type: 'talk', option: { text: 'the original flow went on' } }, { type: 'sleep', option: { duration: 60000 } }];
  const heardBy = async (id: string) => heard(await farEnd(t, id));

  it('busy with fallback actions: the caller goes on with them (not with its own flow), ringing off', async () => {
    const { caller, transferer } = await connectedPair(t, AFTER_CONNECT);
    const fallback = { actions: [{ type: 'talk', option: { text: 'nobody is free, please hold' } }, { type: 'sleep', option: { duration: 60000 } }] };
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: BUSY }, fallback });
    expect(body.transfer).toMatchObject({ fallback_actions: [expect.objectContaining({ type: 'talk' }), expect.objectContaining({ type: 'sleep' })] });
    const flowId = body.transfer.fallback_flow_id as string;
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'busy' });
    const flow = await waitForActiveflow(t, caller, (f) => f.flow_id === flowId && (f.current_action as Json)?.type === 'sleep', "the caller's flow in the fallback");
    expect(flow.status).toBe('running');
    await waitFor(() => heardBy(caller), (said) => said.includes('nobody is free, please hold'), 'the fallback heard');
    expect(await heardBy(caller)).not.toContain('the original flow went on');
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    expect(await farEnd(t, caller)).toMatchObject({ ringback: false, moh: { active: false }, mute: 'none' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it.each([
    ['busy', BUSY, {}],
    ['unreachable', '+15550004001', {}],
    ['never answering', RINGS, { timeout: 1000 }],
  ])('a %s transferee: the caller is not dropped, it goes on with the fallback', async (_what, target, extra) => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target }, ...extra, fallback: { actions: [{ type: 'sleep', option: { duration: 60000 } }] } });
    const failed = await waitForTransfer(t, body.transfer_id, 'failed');
    expect(failed.reason).toBe({ [BUSY]: 'busy', '+15550004001': 'failed', [RINGS]: 'no_answer' }[target]);
    await waitForCall(t, caller, (c) => (c.action as Json)?.type === 'sleep', 'the caller in its fallback');
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('no answer with a fallback flow of yours: the caller runs that flow', async () => {
    const saved = (await rest(t, 'POST', '/flows', { name: 'transfer fallback', actions: [{ type: 'talk', option: { text: 'leave a message' } }, { type: 'sleep', option: { duration: 60000 } }] })).body;
    const { caller, transferer } = await connectedPair(t, AFTER_CONNECT);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: RINGS }, timeout: 1000, fallback: { flow_id: saved.id } });
    expect(body.transfer.fallback_flow_id).toBe(saved.id);
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'no_answer' });
    await waitForActiveflow(t, caller, (f) => f.flow_id === saved.id && (f.current_action as Json)?.type === 'sleep', 'the fallback flow');
    await waitFor(() => heardBy(caller), (said) => said.includes('leave a message'), 'the fallback flow heard');
    expect(await heardBy(caller)).not.toContain('the original flow went on');
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('a fallback that connects to someone else: the caller talks to them, and its flow goes on when they hang up', async () => {
    const { caller, transferer } = await connectedPair(t);
    const fallback = {
      actions: [
        { type: 'connect', option: { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: '+15551113333' }] } },
        { type: 'talk', option: { text: 'the second agent left' } },
        { type: 'sleep', option: { duration: 60000 } },
      ],
    };
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: BUSY }, fallback });
    await waitForTransfer(t, body.transfer_id, 'failed');
    const chained = await waitForCall(t, caller, (c) => (c.chained_call_ids as string[]).length === 3, 'the fallback connect to make its leg');
    const second = (chained.chained_call_ids as string[]).find((id) => id !== transferer && id !== body.consult_call_id)!;
    await bridgedWith(caller, second);
    await simPost(t.simUrl, `/sim/channels/${second}/hangup`);
    await waitFor(() => heardBy(caller), (said) => said.includes('the second agent left'), 'the fallback flow to go on after its connect');
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('a cancel of a blind transfer sends the caller to its fallback too', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: RINGS }, fallback: { actions: [{ type: 'sleep', option: { duration: 60000 } }] } });
    await waitForTransfer(t, body.transfer_id, 'ringing');
    await waitForHangup(t, transferer);
    expect((await rest(t, 'POST', `/transfers/${body.transfer_id}/cancel`)).body).toMatchObject({ status: 'cancelled', reason: 'cancelled' });
    await waitForHangup(t, body.consult_call_id);
    await waitForActiveflow(t, caller, (f) => f.flow_id === body.transfer.fallback_flow_id, 'the fallback');
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === false, 'the ringing to stop');
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('without a fallback the caller ends local, and its own flow does not go on after the connect', async () => {
    const { caller, transferer } = await connectedPair(t, AFTER_CONNECT);
    const { body } = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: BUSY } });
    await waitForTransfer(t, body.transfer_id, 'failed');
    expect(await waitForHangup(t, caller)).toMatchObject({ hangup_by: 'local', hangup_reason: 'normal' });
    expect(await heardBy(caller)).not.toContain('the original flow went on');
  });

  it('an attended transfer that fails puts caller and transferer back together; its fallback is not used', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: BUSY }, fallback: { actions: [{ type: 'hangup' }] } });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'busy' });
    await bridgedWith(caller, transferer);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none' });
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});

describe('attended transfer', () => {
  it('holds the caller, consults on answer, and complete bridges caller and transferee with hold taken off', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
    const id = body.transfer_id as string;
    const consult = body.consult_call_id as string;
    await waitForTransfer(t, id, 'ringing');
    await waitForCall(t, caller, (c) => c.mute_direction === 'in', 'the caller muted');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: true }, mute: 'in' });

    await simPost(t.simUrl, `/sim/channels/${consult}/answer`);
    await waitForTransfer(t, id, 'consulting');
    await bridgedWith(transferer, consult);
    expect((await rest(t, 'POST', `/transfers/${id}/complete`)).status).toBe(200);
    await waitForTransfer(t, id, 'completed');
    await waitForHangup(t, transferer);
    await bridgedWith(caller, consult);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'mute taken off the caller');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none' });
    expect(await transferEvents(t, id)).toEqual(['transfer_created', 'transfer_ringing', 'transfer_answered', 'transfer_completed']);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('cancel ends the consult leg and puts caller and transferer back together', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
    await waitForTransfer(t, body.transfer_id, 'ringing');
    await simPost(t.simUrl, `/sim/channels/${body.consult_call_id}/answer`);
    await waitForTransfer(t, body.transfer_id, 'consulting');
    expect((await rest(t, 'POST', `/transfers/${body.transfer_id}/cancel`)).body).toMatchObject({ status: 'cancelled', reason: 'cancelled' });
    await waitForHangup(t, body.consult_call_id);
    await bridgedWith(caller, transferer);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'mute taken off the caller');
    expect((await rest(t, 'POST', `/transfers/${body.transfer_id}/complete`)).status).toBe(409);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('a transferee that does not answer within the timeout: the consult leg ends, caller and transferer are back together', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS }, timeout: 1000 });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'no_answer', type: 'attended' });
    await waitForHangup(t, body.consult_call_id);
    await bridgedWith(caller, transferer);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none', ringback: false });
    expect(await getCall(t, transferer)).toMatchObject({ status: 'progressing' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('complete before the answer turns it blind: the transferer leaves, the caller hears ringing', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
    await waitForTransfer(t, body.transfer_id, 'ringing');
    expect((await rest(t, 'POST', `/transfers/${body.transfer_id}/complete`)).body).toMatchObject({ type: 'blind', status: 'ringing' });
    await waitForHangup(t, transferer);
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === true && (far?.moh as { active: boolean }).active === false, 'ringing, not music');
    await simPost(t.simUrl, `/sim/channels/${body.consult_call_id}/answer`);
    await waitForTransfer(t, body.transfer_id, 'completed');
    await bridgedWith(caller, body.consult_call_id);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});

describe('refusals', () => {
  it('409 for a call that is not bridged with a caller, and for a second transfer in progress', async () => {
    const created = (await rest(t, 'POST', '/calls', { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: ANSWERS }] })).body;
    const lone = ((created.calls ?? created) as Json[])[0]!;
    await waitForCall(t, lone.id, (c) => c.status === 'progressing', 'answered');
    const alone = await transfer(t, lone.id, { type: 'blind', destination: { type: 'tel', target: ANSWERS } });
    expect(alone.status).toBe(409);
    expect(JSON.stringify(alone.body)).toContain('CALL_NOT_BRIDGED');

    const { caller, transferer } = await connectedPair(t);
    const first = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
    expect(first.status).toBe(200);
    const second = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } });
    expect(second.status).toBe(409);
    expect(JSON.stringify(second.body)).toContain('TRANSFER_IN_PROGRESS');
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    expect(await waitForTransfer(t, first.body.transfer_id, 'cancelled')).toMatchObject({ reason: 'caller_hangup' });
    // The consult call, if the caller's hangup did not come before it was dialled, ends with the caller.
    const consult = await rest(t, 'GET', `/calls/${first.body.consult_call_id}`);
    if (consult.status === 200) await waitForHangup(t, first.body.consult_call_id);
  });

  it('409 CALL_NOT_ANSWERED for a transferer that is not answered yet', async () => {
    const created = (await rest(t, 'POST', '/calls', { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: RINGS }] })).body;
    const ringing = ((created.calls ?? created) as Json[])[0]!;
    await waitForCall(t, ringing.id, (c) => c.status === 'ringing', 'ringing');
    const answer = await transfer(t, ringing.id, { type: 'blind', destination: { type: 'tel', target: ANSWERS } });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ reason: 'CALL_NOT_ANSWERED' });
    await rest(t, 'POST', `/calls/${ringing.id}/hangup`);
  });

  it('the same Idempotency-Key sent five times at once makes one transfer, and every answer is it', async () => {
    const { caller, transferer } = await connectedPair(t);
    const headers = { 'idempotency-key': `burst-${transferer}` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } }, headers)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.transfer_id)).size).toBe(1);
    const mine = (await rest(t, 'GET', '/transfers')).body.result.filter((tr: Json) => tr.transferer_call_id === transferer);
    expect(mine).toHaveLength(1);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    // Once it ended, the key still answers that transfer (not a new one, not a refusal).
    await waitForTransfer(t, answers[0]!.body.transfer_id, 'cancelled');
    expect((await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } }, headers)).body.transfer_id).toBe(answers[0]!.body.transfer_id);
  });

  it('an Idempotency-Key answers the first transfer again', async () => {
    const { caller, transferer } = await connectedPair(t);
    const headers = { 'idempotency-key': `k-${transferer}` };
    const first = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } }, headers);
    const again = await transfer(t, transferer, { type: 'attended', destination: { type: 'tel', target: RINGS } }, headers);
    expect(again.status).toBe(200);
    expect(again.body.transfer_id).toBe(first.body.transfer_id);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('bad input is a 400 naming the field, and changes nothing', async () => {
    const { caller, transferer } = await connectedPair(t);
    const cases: [unknown, string][] = [
      [{ type: 'warm', destination: { type: 'tel', target: ANSWERS } }, 'type'],
      [{ type: 'blind' }, 'destination'],
      [{ type: 'blind', destinations: [] }, 'destinations'],
      [{ type: 'blind', destinations: [{ type: 'tel', target: ANSWERS }, { type: 'tel' }] }, 'destinations[1]'],
      [{ type: 'blind', destinations: [{ type: 'tel', target: ANSWERS }, { type: 'tel', target: RINGS }], ring_method: 'round_robin' }, 'ring_method'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, context: [] }, 'context'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, timeout: 'soon' }, 'timeout'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, fallback: { flow_id: '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11', actions: [{ type: 'hangup' }] } }, 'fallback'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, fallback: { actions: [] } }, 'fallback.actions'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, fallback: { actions: [{ type: 'talk' }] } }, 'fallback.actions[0]'],
      [{ type: 'blind', destination: { type: 'tel', target: ANSWERS }, fallback: 42 }, 'fallback'],
    ];
    for (const [body, field] of cases) {
      const answer = await transfer(t, transferer, body as Record<string, unknown>);
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain(field);
    }
    // Several transferees ring as one groupcall: its limit on legs, with its code.
    const many = await transfer(t, transferer, { type: 'blind', destinations: Array.from({ length: 101 }, (_, i) => RINGING_AT(i)) });
    expect(many.status).toBe(400);
    expect(many.body.error).toMatchObject({ reason: 'GROUPCALL_TOO_MANY_LEGS' });
    const big = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: ANSWERS }, context: { blob: 'x'.repeat(17 * 1024) } });
    expect(big.status).toBe(413);
    const foreignFlow = await transfer(t, transferer, { type: 'blind', destination: { type: 'tel', target: ANSWERS }, fallback: { flow_id: '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11' } });
    expect(foreignFlow.status).toBe(404);
    expect(foreignFlow.body.error).toMatchObject({ reason: 'FLOW_NOT_FOUND' });
    expect((await rest(t, 'GET', '/transfers')).body.result.filter((tr: { transferer_call_id: string }) => tr.transferer_call_id === transferer)).toEqual([]);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});

describe("VoIPBIN's POST /v1.0/transfers", () => {
  it('takes {transfer_type, transferer_call_id, transferee_addresses} and answers TransferManagerTransfer', async () => {
    const { caller, transferer } = await connectedPair(t);
    const answer = await rest(t, 'POST', '/transfers', { transfer_type: 'blind', transferer_call_id: transferer, transferee_addresses: [{ type: 'tel', target: ANSWERS }] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: expect.any(String),
      type: 'blind',
      transferer_call_id: transferer,
      transferee_call_id: caller,
      transferee_addresses: [{ type: 'tel', target: ANSWERS }],
      tm_create: expect.any(String),
    });
    expect((await getTransfer(t, answer.body.id)).status).toBeDefined();
    await waitForTransfer(t, answer.body.id, 'completed');
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});

describe('several transferees', () => {
  const FINALS = ['transfer_completed', 'transfer_cancelled', 'transfer_failed'];
  const finals = async (id: string) => (await transferEvents(t, id)).filter((e) => FINALS.includes(e));
  const ended = async (legs: string[]) => Promise.all(legs.map((leg) => waitForHangup(t, leg)));

  it('blind to three: they ring as a groupcall, the second answers and is bridged with the caller, the other two end cancel', async () => {
    const { caller, transferer } = await connectedPair(t);
    const started = await transfer(t, transferer, { type: 'blind', destinations: [RINGING_AT(1), RINGING_AT(2), RINGING_AT(3)] });
    expect(started.status).toBe(200);
    const { transfer_id: id, transfer: made } = started.body;
    // No transferee yet: the winner becomes consult_call_id; every leg is listed from the start.
    expect(started.body.consult_call_id).toBe(ZERO_UUID);
    expect(made).toMatchObject({ ring_method: 'ring_all', destinations: [RINGING_AT(1), RINGING_AT(2), RINGING_AT(3)], destination: RINGING_AT(1) });
    expect(made.groupcall_id).not.toBe(ZERO_UUID);
    const legs = made.consult_call_ids as string[];
    expect(legs).toHaveLength(3);

    await waitForTransfer(t, id, 'ringing');
    await waitForRinging(t, legs);
    const groupcall = (await rest(t, 'GET', `/groupcalls/${made.groupcall_id}`)).body;
    expect(groupcall).toMatchObject({ master_call_id: caller, ring_method: 'ring_all', answer_method: 'hangup_others', call_ids: legs, dial_timeout: 30000 });
    for (const leg of legs) expect(await getCall(t, leg)).toMatchObject({ master_call_id: caller, groupcall_id: made.groupcall_id });
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === true, 'the caller to hear ringing');

    await simPost(t.simUrl, `/sim/channels/${legs[1]}/answer`);
    const done = await waitForTransfer(t, id, 'completed');
    expect(done).toMatchObject({ consult_call_id: legs[1], to_call_id: legs[1], from_call_id: caller });
    await bridgedWith(caller, legs[1]!);
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === false, 'the ringing to stop');
    for (const loser of [legs[0]!, legs[2]!]) expect(await waitForHangup(t, loser)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    expect(await waitForHangup(t, transferer)).toMatchObject({ hangup_by: 'local' });
    expect((await rest(t, 'GET', `/groupcalls/${made.groupcall_id}`)).body).toMatchObject({ answer_call_id: legs[1] });
    expect(await finals(id)).toEqual(['transfer_completed']);
    // The completed event carries the winner as to_call_id.
    const completed = ((await rest(t, 'GET', `/transfers/${id}/events`)).body.result as Json[]).find((e) => e.type === 'transfer_completed')!;
    expect(completed.data).toMatchObject({ to_call_id: legs[1], consult_call_ids: legs, groupcall_id: made.groupcall_id });

    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    await waitForHangup(t, legs[1]!);
    await waitFor(() => rest(t, 'GET', `/groupcalls/${made.groupcall_id}`), (g) => g.body.status === 'hangup', 'the groupcall to end');
  });

  it('attended to two: the caller is held, the first to answer consults with the transferer, complete hands the caller over', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destinations: [RINGING_AT(4), RINGING_AT(5)] });
    const id = body.transfer_id as string;
    const legs = body.transfer.consult_call_ids as string[];
    await waitForTransfer(t, id, 'ringing');
    await waitForCall(t, caller, (c) => c.mute_direction === 'in', 'the caller held');
    await waitForRinging(t, legs);
    await simPost(t.simUrl, `/sim/channels/${legs[0]}/answer`);
    expect(await waitForTransfer(t, id, 'consulting')).toMatchObject({ consult_call_id: legs[0] });
    await bridgedWith(transferer, legs[0]!);
    expect(await waitForHangup(t, legs[1]!)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: true }, mute: 'in' });

    expect((await rest(t, 'POST', `/transfers/${id}/complete`)).status).toBe(200);
    await waitForTransfer(t, id, 'completed');
    await waitForHangup(t, transferer);
    await bridgedWith(caller, legs[0]!);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    expect(await transferEvents(t, id)).toEqual(['transfer_created', 'transfer_ringing', 'transfer_answered', 'transfer_completed']);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('blind, all busy: one transfer_failed (busy), and the caller goes on with the fallback', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destinations: [BUSY_AT(1), BUSY_AT(2), BUSY_AT(3)], fallback: { actions: [{ type: 'sleep', option: { duration: 60000 } }] } });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'busy', consult_call_id: ZERO_UUID });
    await ended(body.transfer.consult_call_ids);
    await waitForActiveflow(t, caller, (f) => f.flow_id === body.transfer.fallback_flow_id && (f.current_action as Json)?.type === 'sleep', 'the fallback');
    expect(await getCall(t, caller)).toMatchObject({ status: 'progressing' });
    expect(await finals(body.transfer_id)).toEqual(['transfer_failed']);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('attended, nobody answers within the timeout: one transfer_failed (no_answer), caller and transferer back together', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destinations: [RINGING_AT(6), BUSY_AT(4)], timeout: 1000 });
    expect(await waitForTransfer(t, body.transfer_id, 'failed')).toMatchObject({ reason: 'no_answer', type: 'attended' });
    await ended(body.transfer.consult_call_ids);
    await bridgedWith(caller, transferer);
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none', ringback: false });
    expect(await finals(body.transfer_id)).toEqual(['transfer_failed']);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('cancel while they ring cancels every leg, and the groupcall ends', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destinations: [RINGING_AT(7), RINGING_AT(8), RINGING_AT(9)], fallback: { actions: [{ type: 'sleep', option: { duration: 60000 } }] } });
    const legs = body.transfer.consult_call_ids as string[];
    await waitForTransfer(t, body.transfer_id, 'ringing');
    await waitForRinging(t, legs);
    expect((await rest(t, 'POST', `/transfers/${body.transfer_id}/cancel`)).body).toMatchObject({ status: 'cancelled', reason: 'cancelled' });
    for (const leg of await ended(legs)) expect(leg).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    for (const leg of legs) await waitFor(() => farEnd(t, leg), (far) => far?.state === 'Destroyed', `${leg} gone at the simulator`);
    await waitFor(() => rest(t, 'GET', `/groupcalls/${body.transfer.groupcall_id}`), (g) => g.body.status === 'hangup', 'the groupcall to end');
    await waitForActiveflow(t, caller, (f) => f.flow_id === body.transfer.fallback_flow_id, 'the fallback');
    expect(await finals(body.transfer_id)).toEqual(['transfer_cancelled']);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('attended, the transferer hangs up while they ring: it turns blind, the caller hears ringing, and the answer completes it', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'attended', destinations: [RINGING_AT(13), RINGING_AT(14)] });
    const legs = body.transfer.consult_call_ids as string[];
    await waitForRinging(t, legs);
    await simPost(t.simUrl, `/sim/channels/${transferer}/hangup`);
    await waitFor(() => getTransfer(t, body.transfer_id), (tr) => tr.type === 'blind', 'the transfer blind');
    await waitFor(() => farEnd(t, caller), (far) => far?.ringback === true && (far?.moh as { active: boolean }).active === false, 'ringing, not music');
    await simPost(t.simUrl, `/sim/channels/${legs[1]}/answer`);
    expect(await waitForTransfer(t, body.transfer_id, 'completed')).toMatchObject({ type: 'blind', consult_call_id: legs[1] });
    await bridgedWith(caller, legs[1]!);
    expect(await waitForHangup(t, legs[0]!)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('linear: one at a time, in order; the busy first moves on to the second, whose answer completes it', async () => {
    const { caller, transferer } = await connectedPair(t);
    const { body } = await transfer(t, transferer, { type: 'blind', destinations: [BUSY_AT(5), RINGING_AT(10)], ring_method: 'linear' });
    const legs = body.transfer.consult_call_ids as string[];
    expect(body.transfer.ring_method).toBe('linear');
    expect(await waitForHangup(t, legs[0]!)).toMatchObject({ hangup_reason: 'busy' });
    await waitForRinging(t, [legs[1]!]);
    await simPost(t.simUrl, `/sim/channels/${legs[1]}/answer`);
    expect(await waitForTransfer(t, body.transfer_id, 'completed')).toMatchObject({ consult_call_id: legs[1] });
    await bridgedWith(caller, legs[1]!);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});

describe("VoIPBIN's POST /v1.0/transfers with several transferee_addresses", () => {
  it('rings them as a groupcall and names it', async () => {
    const { caller, transferer } = await connectedPair(t);
    const addresses = [RINGING_AT(11), RINGING_AT(12)];
    const answer = await rest(t, 'POST', '/transfers', { transfer_type: 'blind', transferer_call_id: transferer, transferee_addresses: addresses });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ transferee_addresses: addresses, transferee_call_id: caller });
    expect(answer.body.groupcall_id).not.toBe(ZERO_UUID);
    const legs = (await getTransfer(t, answer.body.id)).consult_call_ids as string[];
    await waitForRinging(t, legs);
    await simPost(t.simUrl, `/sim/channels/${legs[0]}/answer`);
    expect(await waitForTransfer(t, answer.body.id, 'completed')).toMatchObject({ consult_call_id: legs[0], groupcall_id: answer.body.groupcall_id });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });
});
