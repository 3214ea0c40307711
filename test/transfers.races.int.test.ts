import { TRANSFER_STATUSES } from '../src/domain/transfer';
import { farEnd, getCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGING_AT, RINGS, TRANSFER_SOURCE, ZERO_UUID, connectedPair, transfer, waitForRinging, waitForTransfer } from './support/transfers';
import { waitFor } from './support/wait';

/**
 * The race matrix, generated over every type, every state a transfer can be in (a blind
 * transfer has no consult: its answer completes it) and every party. Each case ends in one
 * defined state with one final transfer event, exactly one call_hungup per ended call, no leg
 * left up or ringing at the simulator, and a caller who stays off hold, unmuted and not hearing
 * ringing, bridged with whoever it should be talking to. Every transfer carries a fallback (a long
 * sleep), so a blind one that does not complete keeps its caller, which is checked the same way.
 */
let t: TestApp;
/** A far end that is dialled but never rings (programmed at /sim): a transfer stays dialing. */
const DIALS = '+15559990777';
beforeAll(async () => {
  t = await startTestApp();
  await t.ownNumber(t.app.bootstrap!.customerId, TRANSFER_SOURCE);
  expect((await simPost(t.simUrl, '/sim/far-ends', { target: DIALS, ring_ms: 3_600_000 })).status).toBe(204);
});
afterAll(async () => {
  await t?.stop();
});

type TransferType = 'blind' | 'attended';
type State = 'dialing' | 'ringing' | 'consulting';
type Party = 'caller' | 'transferer' | 'consult';
const TYPES: TransferType[] = ['blind', 'attended'];
const STATES: Record<TransferType, State[]> = { blind: ['dialing', 'ringing'], attended: ['dialing', 'ringing', 'consulting'] };
const PARTIES: Party[] = ['caller', 'transferer', 'consult'];
const FINAL = ['completed', 'cancelled', 'failed'];
const FAILURE_REASONS = ['busy', 'no_answer', 'failed'];

type Input = 'complete' | 'cancel' | 'answer' | `answer:${number}` | `hangup:${Party}`;

interface Case {
  type: TransferType;
  state: State;
  /** Several transferees (a groupcall of this many legs); absent: one consult call. */
  transferees?: number;
  /** What the test sends at the same moment (`answer:<n>`: the n-th transferee's leg answers). */
  inputs: Input[];
  /** The one outcome when the inputs leave no choice; a list when the race decides among them. */
  expected: { status: string; reason?: string | string[] }[];
  /** After the inputs, a transfer still in progress (turned blind) is answered to end it. */
  answerAfter?: boolean;
  /** After the inputs, an attended transfer consulting is completed to end it. */
  completeAfter?: boolean;
}

const hangupOutcome = (state: State, party: Party): Pick<Case, 'expected' | 'answerAfter'> => {
  if (party === 'caller') return { expected: [{ status: 'cancelled', reason: 'caller_hangup' }] };
  if (party === 'transferer') {
    // Consulting: the transferer's hangup completes it. Before the answer the transfer is (or
    // turns) blind and goes on ringing for the caller: the answer completes it.
    return state === 'consulting' ? { expected: [{ status: 'completed' }] } : { expected: [{ status: 'completed' }], answerAfter: true };
  }
  return { expected: [{ status: 'failed', reason: state === 'consulting' ? 'transferee_hangup' : FAILURE_REASONS }] };
};

const CASES: Case[] = TYPES.flatMap((type) =>
  STATES[type].flatMap((state): Case[] => [
    ...PARTIES.map((party) => ({ type, state, inputs: [`hangup:${party}` as const], ...hangupOutcome(state, party) })),
    // complete, cancel and a hangup at the same moment: whichever the database takes first decides.
    ...PARTIES.map((party) => ({
      type,
      state,
      inputs: ['complete' as const, 'cancel' as const, `hangup:${party}` as const],
      expected: [{ status: 'completed' }, { status: 'cancelled' }, { status: 'failed' }],
    })),
    // The transferee answering as a cancel arrives (only before the answer, so not while consulting).
    ...(state === 'consulting'
      ? []
      : [{ type, state, inputs: ['answer' as const, 'cancel' as const], expected: type === 'attended' ? [{ status: 'cancelled', reason: 'cancelled' }] : [{ status: 'completed' }, { status: 'cancelled', reason: 'cancelled' }] }]),
  ]),
);

/**
 * Several transferees at once, ringing (their groupcall): two answering at the same moment, an
 * answer as a cancel arrives, the caller hanging up while they ring. One leg wins; every other
 * leg ends, and is checked as the transferee is.
 */
const SEVERAL: Case[] = TYPES.flatMap((type): Case[] => [
  { type, state: 'ringing', transferees: 3, inputs: ['answer:0', 'answer:1'], expected: [{ status: 'completed' }], completeAfter: type === 'attended' },
  {
    type,
    state: 'ringing',
    transferees: 2,
    inputs: ['answer:1', 'cancel'],
    expected: type === 'attended' ? [{ status: 'cancelled', reason: 'cancelled' }] : [{ status: 'completed' }, { status: 'cancelled', reason: 'cancelled' }],
  },
  { type, state: 'ringing', transferees: 3, inputs: ['hangup:caller'], expected: [{ status: 'cancelled', reason: 'caller_hangup' }] },
]);

interface Parties {
  id: string;
  calls: Record<Party, string>;
  /** Several transferees: every leg (consult is the one that won, or the first while none did). */
  legs: string[];
}

/** A transfer of `type` brought to `state`, to one transferee or to `transferees` at once. */
async function reach(type: TransferType, state: State, transferees?: number): Promise<Parties> {
  const pair = await connectedPair(t);
  const target = { type: 'tel', target: state === 'dialing' ? DIALS : RINGS };
  const { body } = await transfer(t, pair.transferer, {
    type,
    ...(transferees ? { destinations: Array.from({ length: transferees }, (_, i) => RINGING_AT(100 + i)) } : { destination: target }),
    timeout: 600_000,
    fallback: { actions: [{ type: 'sleep', option: { duration: 600_000 } }] },
  });
  const legs = transferees ? (body.transfer.consult_call_ids as string[]) : [];
  const consult = transferees ? legs[0]! : (body.consult_call_id as string);
  const parties = { id: body.transfer_id as string, calls: { caller: pair.caller, transferer: pair.transferer, consult }, legs };
  if (transferees) {
    await waitForTransfer(t, parties.id, 'ringing');
    await waitForRinging(t, legs);
    return parties;
  }
  if (state === 'dialing') {
    await waitFor(() => farEnd(t, parties.calls.consult), (far) => far?.dial_status === '' && far.state !== 'Destroyed', 'the transferee dialled');
    expect((await rest(t, 'GET', `/transfers/${parties.id}`)).body.status).toBe('dialing');
  } else {
    await waitForTransfer(t, parties.id, 'ringing');
  }
  if (state === 'consulting') {
    await simPost(t.simUrl, `/sim/channels/${parties.calls.consult}/answer`);
    await waitForTransfer(t, parties.id, 'consulting');
  }
  return parties;
}

function send(parties: Parties, input: Input): Promise<unknown> {
  if (input === 'complete' || input === 'cancel') return rest(t, 'POST', `/transfers/${parties.id}/${input}`);
  if (input === 'answer') return simPost(t.simUrl, `/sim/channels/${parties.calls.consult}/answer`);
  if (input.startsWith('answer:')) return simPost(t.simUrl, `/sim/channels/${parties.legs[Number(input.slice('answer:'.length))]}/answer`);
  return simPost(t.simUrl, `/sim/channels/${parties.calls[input.slice('hangup:'.length) as Party]}/hangup`);
}

interface View {
  transfer: Json;
  events: Json[];
  /** The parties' ids as the transfer stands: consult is the leg that won, once one did. */
  ids: Record<Party, string>;
  calls: Record<Party, Json>;
  far: Record<Party, Json | null>;
  /** Several transferees: the legs that are not the consult party, each of which must end. */
  others: { call: Json; far: Json | null }[];
}

async function view(parties: Parties): Promise<View> {
  const transferNow = (await rest(t, 'GET', `/transfers/${parties.id}`)).body;
  const winner = transferNow.consult_call_id as string;
  const ids = { ...parties.calls, ...(parties.legs.length > 0 && winner !== ZERO_UUID ? { consult: winner } : {}) };
  const others = parties.legs.filter((leg) => leg !== ids.consult);
  const [history, ...found] = await Promise.all([
    rest(t, 'GET', `/transfers/${parties.id}/events`),
    ...[...PARTIES.map((party) => ids[party]), ...others].map((id) => Promise.all([getCall(t, id), farEnd(t, id)])),
  ]);
  const pairs = found as [Json, Json | null][];
  const calls = Object.fromEntries(PARTIES.map((party, i) => [party, pairs[i]![0]])) as Record<Party, Json>;
  const far = Object.fromEntries(PARTIES.map((party, i) => [party, pairs[i]![1]])) as Record<Party, Json | null>;
  const rest3 = pairs.slice(PARTIES.length).map(([call, farEndNow]) => ({ call, far: farEndNow }));
  return { transfer: transferNow, events: (history as { body: Json }).body.result as Json[], ids, calls, far, others: rest3 };
}

/**
 * Who is still talking once the transfer is over: the caller with the transferee (completed), with
 * the transferer (an attended one undone), or alone in its fallback (a blind one that did not
 * complete). A caller whose peer the test hung up goes on with its own flow, which ends after the
 * connect: then nobody stays.
 */
function staying(v: View, hungUpByTest: Party[]): Party[] {
  if (hungUpByTest.includes('caller') || v.transfer.reason === 'caller_hangup') return [];
  const peer: Party | null = v.transfer.status === 'completed' ? 'consult' : v.transfer.type === 'attended' ? 'transferer' : null;
  if (peer === null) return ['caller'];
  return hungUpByTest.includes(peer) ? [] : ['caller', peer];
}

/** What is wrong with the end state (empty once it is as it must be). */
function problems(v: View, hungUpByTest: Party[]): string[] {
  const found: string[] = [];
  if (!FINAL.includes(v.transfer.status)) return [`transfer still ${v.transfer.status}`];
  const finals = v.events.filter((event) => FINAL.includes(String(event.type).replace('transfer_', '')));
  if (finals.length !== 1) found.push(`${finals.length} final events`);
  const stays = staying(v, hungUpByTest);
  for (const party of PARTIES) {
    const up = stays.includes(party);
    if (up && (v.calls[party].status !== 'progressing' || v.far[party]?.state !== 'Up')) found.push(`${party} should be up: ${v.calls[party].status} / ${v.far[party]?.state}`);
    if (!up && (v.calls[party].status !== 'hangup' || v.far[party]?.state !== 'Destroyed')) found.push(`${party} should be gone: ${v.calls[party].status} / ${v.far[party]?.state}`);
  }
  for (const other of v.others) {
    if (other.call.status !== 'hangup' || other.far?.state !== 'Destroyed') found.push(`leg ${other.call.id} should be gone: ${other.call.status} / ${other.far?.state}`);
  }
  if (stays.includes('caller')) {
    const caller = v.far.caller!;
    if (caller.ringback !== false || (caller.moh as Json).active !== false || caller.mute !== 'none' || v.calls.caller.mute_direction !== '') {
      found.push(`caller not plain: ringback ${caller.ringback}, moh ${JSON.stringify(caller.moh)}, mute ${caller.mute}/${v.calls.caller.mute_direction}`);
    }
    const peer = stays.find((party) => party !== 'caller');
    const bridged = (caller.bridged_with as string[] | undefined) ?? [];
    if (peer && !bridged.includes(v.calls[peer].id as string)) found.push(`caller not bridged with the ${peer}: ${JSON.stringify(bridged)}`);
    // Alone: its flow went on with the fallback (the sleep), not past the connect.
    if (!peer && (v.calls.caller.action as Json)?.type !== 'sleep') found.push(`caller not in its fallback: ${JSON.stringify(v.calls.caller.action)}`);
  }
  return found;
}

const hungUpCount = async (callId: string) => ((await rest(t, 'GET', `/calls/${callId}/events`)).body.result as Json[]).filter((event) => event.type === 'call_hungup').length;

const label = (c: Case) => `${c.type} ${c.state}${c.transferees ? ` to ${c.transferees}` : ''}: ${c.inputs.join(' + ')}`;

describe('the transfer race matrix', () => {
  it('covers every type, state and party', () => {
    // blind: 2 states × (3 hangups + 3 triple races + answer/cancel); attended: 3 states, no answer/cancel while consulting.
    expect(CASES).toHaveLength(2 * 7 + 3 * 6 + 2);
  });

  it('covers several transferees: two answers at once, an answer with a cancel, the caller hanging up', () => {
    expect(SEVERAL).toHaveLength(2 * 3);
  });

  it.each([...CASES, ...SEVERAL].map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    const parties = await reach(c.type, c.state, c.transferees);
    await Promise.all(c.inputs.map((input) => send(parties, input)));
    const hungUpByTest = c.inputs.filter((input) => input.startsWith('hangup:')).map((input) => input.slice('hangup:'.length) as Party);
    if (c.answerAfter) {
      await waitFor(async () => (await view(parties)).transfer, (tr) => tr.type === 'blind', 'the transfer blind');
      await waitForHangup(t, parties.calls.transferer);
      await simPost(t.simUrl, `/sim/channels/${parties.calls.consult}/answer`);
    }
    if (c.completeAfter) {
      await waitForTransfer(t, parties.id, 'consulting');
      await rest(t, 'POST', `/transfers/${parties.id}/complete`);
    }

    const settled = await waitFor(() => view(parties), (v) => problems(v, hungUpByTest).length === 0, `${label(c)} to settle`).catch(async (error: Error) => {
      const last = await view(parties);
      throw new Error(`${error.message.slice(0, 200)}\nproblems: ${problems(last, hungUpByTest).join('; ')}\ntransfer: ${JSON.stringify(last.transfer)}`);
    });
    const outcome = c.expected.find((e) => e.status === settled.transfer.status);
    expect({ status: settled.transfer.status, allowed: c.expected.map((e) => e.status) }).toEqual({ status: outcome?.status, allowed: c.expected.map((e) => e.status) });
    if (outcome?.reason) expect([outcome.reason].flat()).toContain(settled.transfer.reason);
    // Several transferees: one winner at most, and it is the transferee of a completed transfer.
    if (c.transferees && settled.transfer.status === 'completed') expect(parties.legs).toContain(settled.transfer.consult_call_id);

    // Forward only: each event a later status than the one before, numbered 1, 2, 3 …
    const statuses = settled.events.map((event) => TRANSFER_STATUSES.indexOf((event.data as Json).status));
    expect(statuses).toEqual([...statuses].sort((x, y) => x - y));
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(settled.events.map((event) => event.sequence)).toEqual(settled.events.map((_e, i) => i + 1));

    // Every ended call ended once; then the rest is hung up and each call has exactly one call_hungup.
    const everyCall = [...new Set([...PARTIES.map((party) => settled.ids[party]), ...parties.legs])];
    for (const party of PARTIES) if (settled.calls[party].status === 'hangup') expect({ party, hungup: await hungUpCount(settled.ids[party]) }).toEqual({ party, hungup: 1 });
    await simPost(t.simUrl, `/sim/channels/${parties.calls.caller}/hangup`);
    for (const id of everyCall) {
      await waitForHangup(t, id);
      await waitFor(() => farEnd(t, id), (far) => far?.state === 'Destroyed', `${id} gone at the simulator`);
      expect({ id, hungup: await hungUpCount(id) }).toEqual({ id, hungup: 1 });
    }
    expect((await rest(t, 'GET', `/transfers/${parties.id}/events`)).body.result.filter((event: Json) => FINAL.includes(String(event.type).replace('transfer_', '')))).toHaveLength(1);
    if (c.transferees) {
      // The transferees' groupcall ended exactly once, with at most the one winner.
      const groupcall = (await rest(t, 'GET', `/groupcalls/${settled.transfer.groupcall_id}`)).body;
      await waitFor(() => rest(t, 'GET', `/groupcalls/${groupcall.id}`), (g) => g.body.status === 'hangup', 'the groupcall to end');
      const ends = ((await rest(t, 'GET', `/groupcalls/${groupcall.id}/events`)).body.result as Json[]).filter((event) => event.type === 'groupcall_hangup');
      expect(ends).toHaveLength(1);
    }
  });
});
