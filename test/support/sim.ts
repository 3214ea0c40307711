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
