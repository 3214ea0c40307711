import { startAriSimulator, type RunningSimulator } from '../../src/telephony/simulator';
import type { Config } from '../../src/config';

/** A simulator of its own (outliving the worker processes a test kills), with the test app's ARI credentials and short delays. */
export const startStandaloneSimulator = (config: Config, delays: Partial<{ ringMs: number; answerMs: number; giveUpMs: number; remoteHangupMs: number }> = {}): Promise<RunningSimulator> =>
  startAriSimulator({ port: 0, host: '127.0.0.1', username: config.ari.username, password: config.ari.password, delays: { ringMs: 20, answerMs: 40, giveUpMs: 150, remoteHangupMs: 150, ...delays } });

/** The far end's view of a channel, from the simulator's control surface. */
export interface SimChannel {
  id: string;
  state: string;
  hangup_cause: number | null;
  [key: string]: unknown;
}

export async function simChannel(simUrl: string, channelId: string): Promise<SimChannel | null> {
  const response = await fetch(`${simUrl}/sim/channels/${channelId}`);
  if (response.status === 404) return null;
  return (await response.json()) as SimChannel;
}

export async function simPost(simUrl: string, path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${simUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
