import { createCalls, farEnd, getCall, waitForCall } from './flows';
import { rest, type Json } from './rest';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

/** The number the connect calls from (the customer must own it) and the agent the caller is connected to. */
export const TRANSFER_SOURCE = '+15559876543';
export const AGENT = '+15551111111';
/** Rings until the test answers or hangs up at /sim (the sandbox plan's ring-forever). */
export const RINGS = '+15550002001';
export const ANSWERS = '+15551112222';
export const BUSY = '+15550001000';

/**
 * A caller connected (bridged) with an agent by a flow's connect: the agent's call is the
 * transferer. `after`: the caller's actions after the connect (none: its flow ends with it).
 */
export async function connectedPair(t: TestApp, after: Json[] = []): Promise<{ caller: string; transferer: string }> {
  const [call] = await createCalls(t, {
    source: { type: 'tel', target: TRANSFER_SOURCE },
    destinations: [{ type: 'tel', target: '+15559870001' }],
    actions: [{ type: 'connect', option: { source: { type: 'tel', target: TRANSFER_SOURCE }, destinations: [{ type: 'tel', target: AGENT }] } }, ...after],
  });
  const caller = call!.id as string;
  const chained = await waitForCall(t, caller, (c) => c.chained_call_ids.length === 1, 'the connect to make its leg');
  const transferer = chained.chained_call_ids[0] as string;
  await waitFor(() => farEnd(t, caller), (far) => (far?.bridged_with as string[] | undefined)?.includes(transferer) === true, 'caller bridged with the agent');
  return { caller, transferer };
}

export async function transfer(t: TestApp, callId: string, body: Json, headers: Record<string, string> = {}) {
  const url = new URL(`/v1.0/calls/${callId}/transfer`, t.baseUrl);
  url.searchParams.set('token', t.accessKey);
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Json };
}

export const getTransfer = async (t: TestApp, id: string): Promise<Json> => (await rest(t, 'GET', `/transfers/${id}`)).body;

export const waitForTransfer = (t: TestApp, id: string, status: string) =>
  waitFor(() => getTransfer(t, id), (tr) => tr.status === status, `transfer ${id} ${status}`);

/** The transfer's events in its history, oldest first. */
export const transferEvents = async (t: TestApp, id: string): Promise<string[]> =>
  ((await rest(t, 'GET', `/transfers/${id}/events`)).body.result as Json[]).map((event) => event.type as string);

export { getCall };

/** Far ends that ring until the test answers at /sim, and that are busy: one number each, for several transferees. */
export const RINGING_AT = (n: number) => ({ type: 'tel', target: `+1555000${2000 + n}` });
export const BUSY_AT = (n: number) => ({ type: 'tel', target: `+1555000${1000 + n}` });
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Waits until every one of these legs rings at the simulator. */
export const waitForRinging = (t: TestApp, legs: string[]) =>
  Promise.all(legs.map((leg) => waitFor(() => farEnd(t, leg), (far) => far?.state === 'Ringing', `leg ${leg} to ring`)));
