import { CancelTransferDocument, CompleteTransferDocument, GetTransferDocument, ListTransfersDocument, TransferCallDocument, TransferEventsDocument, type TransferCallInput } from './generated/graphql';
import { farEnd, waitForCall, waitForHangup } from './support/flows';
import { collect, graphql, wsClient } from './support/graphql-client';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { BUSY_AT, RINGING_AT, RINGS, TRANSFER_SOURCE, connectedPair, transferEvents, waitForRinging, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * Transfers over GraphQL: the spec's warm transfer (attended, with context) made, consulted and
 * completed through the mutations, its events streamed to the final one; cancel, paging, the
 * idempotency key, refusals and another customer's view.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
});
afterAll(async () => {
  await t?.stop();
});

/** The spec's "Warm Transfer with Context" body, in GraphQL's names. */
const WARM: TransferCallInput = {
  type: 'ATTENDED',
  destination: { type: 'TEL', target: RINGS },
  context: { customer_id: 'cust-123', issue: 'billing dispute', notes: 'Customer called about incorrect charge on invoice #456' },
};

const transferCall = (callId: string, input: TransferCallInput, idempotencyKey?: string, token = t.accessKey) =>
  graphql(t.baseUrl, token, TransferCallDocument, { callId, input, ...(idempotencyKey ? { idempotencyKey } : {}) });
const getTransfer = async (id: string, token = t.accessKey) => (await graphql(t.baseUrl, token, GetTransferDocument, { id })).data?.transfer ?? null;

describe('transfers over GraphQL', () => {
  it("makes the spec's warm transfer, streams its events up to the final one, and completes it", async () => {
    const { caller, transferer } = await connectedPair(t);
    const started = await transferCall(transferer, WARM, `warm-${transferer}`);
    expect(started.errors).toBeUndefined();
    const made = started.data!.transferCall;
    expect(made).toMatchObject({ type: 'ATTENDED', status: 'DIALING', transfererCallId: transferer, callerCallId: caller, context: WARM.context, timeout: 30000, reason: null, endedAt: null });
    expect(made.transfererCall).toMatchObject({ id: transferer, status: 'PROGRESSING' });
    expect(made.callerCall).toMatchObject({ id: caller, status: 'PROGRESSING' });
    const consult = made.consultCallIds[0]!;

    // The same key again answers the first transfer, not a second one (nor TRANSFER_IN_PROGRESS).
    const again = await transferCall(transferer, WARM, `warm-${transferer}`);
    expect(again.data?.transferCall.id).toBe(made.id);

    const client = wsClient(t.baseUrl, t.accessKey);
    try {
      const stream = collect(client, TransferEventsDocument, { transferId: made.id });
      await waitForTransfer(t, made.id, 'ringing');
      expect((await getTransfer(made.id))?.consultCalls).toEqual([{ id: consult, status: 'RINGING', masterCallId: caller, hangupBy: null, hangupReason: null }]);
      await simPost(t.simUrl, `/sim/channels/${consult}/answer`);
      await waitForTransfer(t, made.id, 'consulting');
      const completed = await graphql(t.baseUrl, t.accessKey, CompleteTransferDocument, { id: made.id });
      expect(completed.errors).toBeUndefined();
      const events = (await stream.done).map((event) => event.transferEvents);
      expect(events.map((event) => event.type)).toEqual(['transfer_created', 'transfer_ringing', 'transfer_answered', 'transfer_completed']);
      expect(events.map((event) => event.final)).toEqual([false, false, false, true]);
      expect(events.map((event) => event.sequence)).toEqual([1, 2, 3, 4]);
      expect(events.at(-1)!.transfer).toMatchObject({ status: 'COMPLETED', context: WARM.context, callerCallId: caller, consultCallIds: [consult] });
    } finally {
      await client.dispose();
    }
    const done = await getTransfer(made.id);
    expect(done).toMatchObject({ status: 'COMPLETED', type: 'ATTENDED', endedAt: expect.any(String), answeredAt: expect.any(String), ringingAt: expect.any(String) });
    await waitForHangup(t, transferer);
    await waitFor(() => farEnd(t, caller), (far) => (far?.bridged_with as string[] | undefined)?.includes(consult) === true, 'caller with transferee');
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    expect(await farEnd(t, caller)).toMatchObject({ moh: { active: false }, mute: 'none' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('cancels, refuses a second transfer and a finished one with their codes, and a stream of a finished transfer replays and completes', async () => {
    const { caller, transferer } = await connectedPair(t);
    const made = (await transferCall(transferer, WARM)).data!.transferCall;
    const second = await transferCall(transferer, WARM);
    expect(second.errors?.[0]?.extensions?.code).toBe('TRANSFER_IN_PROGRESS');
    // Cancelled once the caller is on hold, so the cancel has a hold to take off (the race of a
    // cancel with the hold is the race matrix's).
    await waitFor(() => farEnd(t, caller), (far) => (far?.moh as { active?: boolean } | undefined)?.active === true && far?.mute === 'in', 'the caller held');
    const cancelled = await graphql(t.baseUrl, t.accessKey, CancelTransferDocument, { id: made.id });
    expect(cancelled.data?.cancelTransfer).toMatchObject({ status: 'CANCELLED', reason: 'cancelled' });
    expect((await graphql(t.baseUrl, t.accessKey, CompleteTransferDocument, { id: made.id })).errors?.[0]?.extensions?.code).toBe('TRANSFER_ENDED');
    const client = wsClient(t.baseUrl, t.accessKey);
    try {
      const events = (await collect(client, TransferEventsDocument, { transferId: made.id }).done).map((event) => event.transferEvents.type);
      expect(events[0]).toBe('transfer_created');
      expect(events.at(-1)).toBe('transfer_cancelled');
      expect(events.filter((type) => ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(type))).toHaveLength(1);
    } finally {
      await client.dispose();
    }
    await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
    const far = await waitFor(
      () => farEnd(t, caller),
      (far) => (far?.bridged_with as string[] | undefined)?.includes(transferer) === true && (far?.moh as { active?: boolean } | undefined)?.active === false && far?.mute === 'none',
      'caller back with the transferer, off hold and unmuted',
    );
    expect(far).toMatchObject({ moh: { active: false }, mute: 'none' });
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it('bad input is VALIDATION_FAILED naming the field and makes nothing; a call that is not a transferer is CALL_NOT_BRIDGED', async () => {
    const { caller, transferer } = await connectedPair(t);
    const cases: [TransferCallInput, string, string][] = [
      [{ type: 'BLIND' }, 'INVALID_ADDRESS', 'destination'],
      [{ type: 'BLIND', destination: { type: 'TEL', target: 'nope' } }, 'INVALID_ADDRESS', 'destination'],
      [{ ...WARM, context: { blob: 'x'.repeat(17 * 1024) } }, 'PAYLOAD_TOO_LARGE', 'context'],
      [{ ...WARM, timeout: 10 }, 'VALIDATION_FAILED', 'timeout'],
      [{ type: 'BLIND', destination: { type: 'TEL', target: RINGS }, fallback: {} }, 'VALIDATION_FAILED', 'fallback'],
      [{ type: 'BLIND', destination: { type: 'TEL', target: RINGS }, fallback: { actions: [{ type: 'no_such_action' }] } }, 'VALIDATION_FAILED', 'fallback.actions'],
      [{ type: 'BLIND', destination: { type: 'TEL', target: RINGS }, fallback: { flowId: '4b3e7f3c-8a55-4d0e-9a51-3f0e2f7c9d11' } }, 'FLOW_NOT_FOUND', 'fallback.flowId'],
    ];
    for (const [input, code, field] of cases) {
      const answer = await transferCall(transferer, input);
      expect({ field, code: answer.errors?.[0]?.extensions?.code }).toEqual({ field, code });
      expect(String(answer.errors?.[0]?.extensions?.field)).toMatch(new RegExp(`^${field.replace('.', '\\.')}`));
    }
    expect((await transferCall(caller, WARM)).errors?.[0]?.extensions?.code).toBe('CALL_NOT_BRIDGED');
    const listed = (await graphql(t.baseUrl, t.accessKey, ListTransfersDocument, { first: 100 })).data!.transfers.nodes;
    for (const node of listed) expect((await getTransfer(node.id))?.transfererCallId).not.toBe(transferer);
    await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
  });

  it("pages transfers newest first, and another customer sees none of them and touches none", async () => {
    const made: string[] = [];
    for (let i = 0; i < 2; i++) {
      const { caller, transferer } = await connectedPair(t);
      made.push((await transferCall(transferer, WARM)).data!.transferCall.id);
      await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
      await waitForTransfer(t, made.at(-1)!, 'cancelled');
    }
    const first = await graphql(t.baseUrl, t.accessKey, ListTransfersDocument, { first: 1 });
    expect(first.data!.transfers.nodes.map((node) => node.id)).toEqual([made[1]]);
    expect(first.data!.transfers.pageInfo.hasNextPage).toBe(true);
    const second = await graphql(t.baseUrl, t.accessKey, ListTransfersDocument, { first: 1, after: first.data!.transfers.pageInfo.endCursor });
    expect(second.data!.transfers.nodes.map((node) => node.id)).toEqual([made[0]]);

    const other = await t.newCustomer('transfer-stranger');
    expect(await getTransfer(made[0]!, other.token)).toBeNull();
    expect((await graphql(t.baseUrl, other.token, ListTransfersDocument, {})).data!.transfers.nodes).toEqual([]);
    expect((await graphql(t.baseUrl, other.token, CompleteTransferDocument, { id: made[0]! })).errors?.[0]?.extensions?.code).toBe('TRANSFER_NOT_FOUND');
    expect((await graphql(t.baseUrl, other.token, CancelTransferDocument, { id: made[0]! })).errors?.[0]?.extensions?.code).toBe('TRANSFER_NOT_FOUND');
    const client = wsClient(t.baseUrl, other.token);
    await expect(collect(client, TransferEventsDocument, { transferId: made[0]! }).done).rejects.toThrow(/NOT_FOUND/);
    await client.dispose();
  });

  describe('several transferees', () => {
    const tel = (address: { target: string }) => ({ type: 'TEL' as const, target: address.target });
    const finals = async (id: string) => (await transferEvents(t, id)).filter((e) => ['transfer_completed', 'transfer_cancelled', 'transfer_failed'].includes(e));
    const bridgedWith = (id: string, other: string) =>
      waitFor(() => farEnd(t, id), (far) => (far?.bridged_with as string[] | undefined)?.includes(other) === true, `${id} bridged with ${other}`);

    it('blind to three: the groupcall is the transfer\'s, the second to answer is the transferee, the others end cancel', async () => {
      const { caller, transferer } = await connectedPair(t);
      const destinations = [RINGING_AT(21), RINGING_AT(22), RINGING_AT(23)].map(tel);
      const started = await transferCall(transferer, { type: 'BLIND', destinations });
      expect(started.errors).toBeUndefined();
      const made = started.data!.transferCall;
      expect(made).toMatchObject({ consultCallId: null, ringMethod: 'RING_ALL', destinations, groupcallId: expect.any(String) });
      expect(made.consultCallIds).toHaveLength(3);
      const legs = made.consultCallIds;
      await waitForTransfer(t, made.id, 'ringing');
      await waitForRinging(t, legs);
      const ringing = await getTransfer(made.id);
      expect(ringing?.consultCalls.map((call) => [call.id, call.status, call.masterCallId])).toEqual(legs.map((leg) => [leg, 'RINGING', caller]));
      expect(ringing?.groupcall).toMatchObject({ id: made.groupcallId, status: 'PROGRESSING', ringMethod: 'RING_ALL', answerCallId: null, callIds: legs, masterCallId: caller });

      await simPost(t.simUrl, `/sim/channels/${legs[1]}/answer`);
      await waitForTransfer(t, made.id, 'completed');
      await bridgedWith(caller, legs[1]!);
      for (const loser of [legs[0]!, legs[2]!]) await waitForHangup(t, loser);
      const done = await getTransfer(made.id);
      expect(done).toMatchObject({ status: 'COMPLETED', consultCallId: legs[1], groupcall: { answerCallId: legs[1] } });
      expect(done?.consultCalls.filter((call) => call.id !== legs[1]).map((call) => [call.hangupBy, call.hangupReason])).toEqual([
        ['LOCAL', 'CANCEL'],
        ['LOCAL', 'CANCEL'],
      ]);
      expect(await finals(made.id)).toEqual(['transfer_completed']);
      await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    });

    it('attended to two, LINEAR: the first consults with the transferer, and completeTransfer hands the caller over', async () => {
      const { caller, transferer } = await connectedPair(t);
      const made = (await transferCall(transferer, { type: 'ATTENDED', destinations: [RINGING_AT(24), RINGING_AT(25)].map(tel), ringMethod: 'LINEAR' })).data!.transferCall;
      expect(made.ringMethod).toBe('LINEAR');
      const [first, second] = made.consultCallIds;
      await waitForRinging(t, [first!]);
      // Linear: the second is not dialled while the first rings.
      expect((await getTransfer(made.id))?.consultCalls.map((call) => call.id)).toEqual([first]);
      await simPost(t.simUrl, `/sim/channels/${first}/answer`);
      await waitForTransfer(t, made.id, 'consulting');
      await bridgedWith(transferer, first!);
      expect((await graphql(t.baseUrl, t.accessKey, CompleteTransferDocument, { id: made.id })).data?.completeTransfer).toMatchObject({ status: 'COMPLETED', consultCallId: first });
      await bridgedWith(caller, first!);
      await waitForHangup(t, transferer);
      expect((await getTransfer(made.id))?.consultCalls.map((call) => call.id)).toEqual([first]);
      expect(second).toBeDefined();
      await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    });

    it('attended, all busy: one transfer_failed (busy), caller and transferer back together', async () => {
      const { caller, transferer } = await connectedPair(t);
      const made = (await transferCall(transferer, { type: 'ATTENDED', destinations: [BUSY_AT(21), BUSY_AT(22)].map(tel) })).data!.transferCall;
      expect(await waitForTransfer(t, made.id, 'failed')).toMatchObject({ reason: 'busy' });
      await bridgedWith(caller, transferer);
      await waitForCall(t, caller, (c) => c.mute_direction === '', 'the caller unmuted');
      expect(await finals(made.id)).toEqual(['transfer_failed']);
      await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    });

    it('cancelTransfer while they ring cancels every leg', async () => {
      const { caller, transferer } = await connectedPair(t);
      const made = (await transferCall(transferer, { type: 'ATTENDED', destinations: [RINGING_AT(26), RINGING_AT(27)].map(tel) })).data!.transferCall;
      await waitForTransfer(t, made.id, 'ringing');
      await waitForRinging(t, made.consultCallIds);
      expect((await graphql(t.baseUrl, t.accessKey, CancelTransferDocument, { id: made.id })).data?.cancelTransfer).toMatchObject({ status: 'CANCELLED' });
      for (const leg of made.consultCallIds) expect(await waitForHangup(t, leg)).toMatchObject({ hangup_by: 'local', hangup_reason: 'cancel' });
      await waitFor(async () => (await getTransfer(made.id))?.groupcall?.status, (status) => status === 'HANGUP', 'the groupcall to end');
      await bridgedWith(caller, transferer);
      expect(await finals(made.id)).toEqual(['transfer_cancelled']);
      await simPost(t.simUrl, `/sim/channels/${caller}/hangup`);
    });
  });
});
