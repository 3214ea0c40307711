import { Queue } from 'bullmq';
import { connectRedis } from '../../src/platform/redis';
import { FLOW_QUEUE } from '../../src/workers/flow-queue';
import { rest, type Json } from './rest';
import { simChannel, simPost, type SimChannel } from './sim';
import type { TestApp } from './test-app';
import { waitFor } from './wait';

/** POST /v1.0/calls with a body from the spec; answers the created calls. */
export async function createCalls(t: TestApp, body: unknown): Promise<Json[]> {
  const answer = await rest(t, 'POST', '/calls', body);
  if (answer.status !== 200) throw new Error(`POST /calls answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.calls as Json[];
}

export const getCall = async (t: TestApp, id: string): Promise<Json> => (await rest(t, 'GET', `/calls/${id}`)).body;

export const waitForCall = (t: TestApp, id: string, accept: (call: Json) => boolean, what: string, limitMs?: number) =>
  waitFor(() => getCall(t, id), accept, what, limitMs);

export const waitForHangup = (t: TestApp, id: string, limitMs?: number) => waitForCall(t, id, (call) => call.status === 'hangup', `call ${id} to hang up`, limitMs);

/** The activeflow of a call, found in GET /v1.0/activeflows. */
export async function activeflowOfCall(t: TestApp, callId: string): Promise<Json | undefined> {
  const list = await rest(t, 'GET', '/activeflows');
  return (list.body.result as Json[]).find((flow) => flow.reference_id === callId);
}

export const waitForActiveflow = (t: TestApp, callId: string, accept: (flow: Json) => boolean, what: string, limitMs?: number) =>
  waitFor(async () => (await activeflowOfCall(t, callId)) ?? null, (flow) => flow !== null && accept(flow), what, limitMs) as Promise<Json>;

/** What the far end heard: the text of each prompt, or the media URI of other media, in order. */
export const heard = (channel: SimChannel | null): string[] =>
  ((channel?.played as { media: string; text?: string }[] | undefined) ?? []).map((entry) => entry.text ?? entry.media);

export const farEnd = (t: TestApp, channelId: string) => simChannel(t.simUrl, channelId);

export async function press(t: TestApp, channelId: string, digits: string): Promise<void> {
  const response = await simPost(t.simUrl, `/sim/channels/${channelId}/dtmf`, { digits });
  if (response.status !== 204) throw new Error(`pressing ${digits} answered ${response.status}`);
}

/** The flow queue of the test app, to look for jobs left behind. */
export const flowQueueOf = (t: TestApp) => queueOf(t, FLOW_QUEUE);

/** One of the test app's queues, to look at its jobs. */
export function queueOf(t: TestApp, name: string): { queue: Queue; close(): Promise<void> } {
  const connection = connectRedis(t.config.redisUrl, `test-${name}-queue`);
  const queue = new Queue(name, { connection, prefix: t.config.redisPrefix });
  return {
    queue,
    async close() {
      await queue.close();
      await connection.quit();
    },
  };
}
