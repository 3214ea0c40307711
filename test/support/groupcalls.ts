import { rest, type Json } from './rest';
import { simChannel, simPost } from './sim';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

/** Targets of the sandbox number plan: rings until answered through /sim, busy, gives up. */
export const RINGS = (n: number) => ({ type: 'tel', target: `+1555000${2000 + n}` });
export const BUSY = (n: number) => ({ type: 'tel', target: `+1555000${1000 + n}` });
export const SOURCE = { type: 'tel', target: '+15551234567' };

export const getGroupcall = async (t: TestApp, id: string, token = t.accessKey): Promise<Json> => (await rest(t, 'GET', `/groupcalls/${id}`, undefined, token)).body;
export const getCall = async (t: TestApp, id: string): Promise<Json> => (await rest(t, 'GET', `/calls/${id}`)).body;

export const waitForGroupcall = (t: TestApp, id: string, accept: (groupcall: Json) => boolean, what: string) =>
  waitFor(() => getGroupcall(t, id), accept, `groupcall ${id}: ${what}`, 30_000);

export const waitForCall = (t: TestApp, id: string, status: string) => waitFor(() => getCall(t, id), (call) => call.status === status, `call ${id} to be ${status}`, 30_000);

/** Answers a leg at the far end once its channel rings. */
export async function answerLeg(t: TestApp, callId: string): Promise<void> {
  await waitFor(() => simChannel(t.simUrl, callId), (channel) => channel?.state === 'Ringing', `leg ${callId} to ring`, 30_000);
  const answered = await simPost(t.simUrl, `/sim/channels/${callId}/answer`);
  if (answered.status >= 300) throw new Error(`the simulator refused to answer ${callId}: ${answered.status}`);
}

export const historyTypes = async (t: TestApp, path: string): Promise<string[]> =>
  ((await rest(t, 'GET', `${path}/events`)).body.result as Json[]).map((event) => event.type as string);

/** The request body of the documentation's "Make a groupcall": ring_all, hangup_others, a flow that talks and then waits. */
export const specBody = (destinations: Json[], extra: Json = {}): Json => ({
  source: SOURCE,
  destinations,
  actions: [{ type: 'talk', option: { text: 'hello from the groupcall', language: 'en-US' } }, { type: 'sleep', option: { duration: 60000 } }],
  ring_method: 'ring_all',
  answer_method: 'hangup_others',
  ...extra,
});

/** POST /groupcalls, which must succeed (a failure shows the answer's body); answers the groupcall. */
export async function createGroupcall(t: TestApp, body: Json): Promise<Json> {
  const answer = await rest(t, 'POST', '/groupcalls', body);
  expect({ status: answer.status, body: answer.body }).toMatchObject({ status: 200 });
  return answer.body;
}

/** The activeflow running on a call, if any. */
export const activeflowOf = async (t: TestApp, callId: string): Promise<Json | undefined> =>
  ((await rest(t, 'GET', '/activeflows?page_size=100')).body.result as Json[]).find((flow) => flow.reference_id === callId);
