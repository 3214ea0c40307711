import { TRANSFER_STATUSES } from '../src/domain/transfer';
import { farEnd, getCall, waitForHangup } from './support/flows';
import { rest, type Json } from './support/rest';
import { simPost } from './support/sim';
import { startTestApp, type TestApp } from './support/test-app';
import { RINGS, TRANSFER_SOURCE, connectedPair, transfer, waitForTransfer } from './support/transfers';
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

interface Case {
  type: TransferType;
  state: State;
  /** What the test sends at the same moment. */
  inputs: ('complete' | 'cancel' | 'answer' | `hangup:${Party}`)[];
  /** The one outcome when the inputs leave no choice; a list when the race decides among them. */
  expected: { status: string; reason?: string | string[] }[];
  /** After the inputs, a transfer still in progress (turned blind) is answered to end it. */
  answerAfter?: boolean;
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

interface Parties {
  id: string;
  calls: Record<Party, string>;
}

/** A transfer of `type` brought to `state`. */
async function reach(type: TransferType, state: State): Promise<Parties> {
  const pair = await connectedPair(t);
  const { body } = await transfer(t, pair.transferer, {
    type,
    destination: { type: 'tel', target: state === 'dialing' ? DIALS : RINGS },
    timeout: 600_000,
    fallback: { actions: [{ type: 'sleep', option: { duration: 600_000 } }] },
  });
  const parties = { id: body.transfer_id as string, calls: { caller: pair.caller, transferer: pair.transferer, consult: body.consult_call_id as string } };
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

function send(parties: Parties, input: Case['inputs'][number]): Promise<unknown> {
  if (input === 'complete' || input === 'cancel') return rest(t, 'POST', `/transfers/${parties.id}/${input}`);
  if (input === 'answer') return simPost(t.simUrl, `/sim/channels/${parties.calls.consult}/answer`);
  return simPost(t.simUrl, `/sim/channels/${parties.calls[input.slice('hangup:'.length) as Party]}/hangup`);
}

interface View {
  transfer: Json;
  events: Json[];
  calls: Record<Party, Json>;
  far: Record<Party, Json | null>;
}

async function view(parties: Parties): Promise<View> {
  const [transferNow, history, ...rest3] = await Promise.all([
    rest(t, 'GET', `/transfers/${parties.id}`),
    rest(t, 'GET', `/transfers/${parties.id}/events`),
    ...PARTIES.map((party) => getCall(t, parties.calls[party])),
    ...PARTIES.map((party) => farEnd(t, parties.calls[party])),
  ]);
  const calls = Object.fromEntries(PARTIES.map((party, i) => [party, rest3[i]])) as Record<Party, Json>;
  const far = Object.fromEntries(PARTIES.map((party, i) => [party, rest3[PARTIES.length + i]])) as Record<Party, Json | null>;
  return { transfer: (transferNow as { body: Json }).body, events: (history as { body: Json }).body.result as Json[], calls, far };
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

const label = (c: Case) => `${c.type} ${c.state}: ${c.inputs.join(' + ')}`;

describe('the transfer race matrix', () => {
  it('covers every type, state and party', () => {
    // blind: 2 states × (3 hangups + 3 triple races + answer/cancel); attended: 3 states, no answer/cancel while consulting.
    expect(CASES).toHaveLength(2 * 7 + 3 * 6 + 2);
  });

  it.each(CASES.map((c) => [label(c), c] as const))('%s', async (_label, c) => {
    const parties = await reach(c.type, c.state);
    await Promise.all(c.inputs.map((input) => send(parties, input)));
    const hungUpByTest = c.inputs.filter((input) => input.startsWith('hangup:')).map((input) => input.slice('hangup:'.length) as Party);
    if (c.answerAfter) {
      await waitFor(async () => (await view(parties)).transfer, (tr) => tr.type === 'blind', 'the transfer blind');
      await waitForHangup(t, parties.calls.transferer);
      await simPost(t.simUrl, `/sim/channels/${parties.calls.consult}/answer`);
    }

    const settled = await waitFor(() => view(parties), (v) => problems(v, hungUpByTest).length === 0, `${label(c)} to settle`).catch(async (error: Error) => {
      const last = await view(parties);
      throw new Error(`${error.message.slice(0, 200)}\nproblems: ${problems(last, hungUpByTest).join('; ')}\ntransfer: ${JSON.stringify(last.transfer)}`);
    });
    const outcome = c.expected.find((e) => e.status === settled.transfer.status);
    expect({ status: settled.transfer.status, allowed: c.expected.map((e) => e.status) }).toEqual({ status: outcome?.status, allowed: c.expected.map((e) => e.status) });
    if (outcome?.reason) expect([outcome.reason].flat()).toContain(settled.transfer.reason);

    // Forward only: each event a later status than the one before, numbered 1, 2, 3 …
    const statuses = settled.events.map((event) => TRANSFER_STATUSES.indexOf((event.data as Json).status));
    expect(statuses).toEqual([...statuses].sort((x, y) => x - y));
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(settled.events.map((event) => event.sequence)).toEqual(settled.events.map((_e, i) => i + 1));

    // Every ended call ended once; then the rest is hung up and each of the three has exactly one call_hungup.
    for (const party of PARTIES) if (settled.calls[party].status === 'hangup') expect({ party, hungup: await hungUpCount(parties.calls[party]) }).toEqual({ party, hungup: 1 });
    await simPost(t.simUrl, `/sim/channels/${parties.calls.caller}/hangup`);
    for (const party of PARTIES) {
      await waitForHangup(t, parties.calls[party]);
      await waitFor(() => farEnd(t, parties.calls[party]), (far) => far?.state === 'Destroyed', `${party} gone at the simulator`);
      expect({ party, hungup: await hungUpCount(parties.calls[party]) }).toEqual({ party, hungup: 1 });
    }
    expect((await rest(t, 'GET', `/transfers/${parties.id}/events`)).body.result.filter((event: Json) => FINAL.includes(String(event.type).replace('transfer_', '')))).toHaveLength(1);
  });
});
