/**
 * The suites that run against a real Asterisk: only when ASTERISK_ARI_URL points at one whose
 * dialplan has the `sandbox` context of docker/asterisk/extensions.conf (docker compose up asterisk).
 */
export const ASTERISK_ARI_URL = process.env.ASTERISK_ARI_URL;

/** The product's settings for that Asterisk: its own Stasis application, tel calls into the sandbox. */
export const asteriskEnv = (app: string, extra: Record<string, string> = {}): Record<string, string> => ({
  ARI_URL: ASTERISK_ARI_URL as string,
  ARI_USERNAME: process.env.ASTERISK_ARI_USERNAME ?? 'opencall',
  ARI_PASSWORD: process.env.ASTERISK_ARI_PASSWORD ?? 'opencall',
  ARI_APP: `${app}-${process.pid}`,
  ARI_ENDPOINT_TEL: 'Local/{target}@sandbox',
  ...extra,
});

/**
 * A plain ARI request to that Asterisk, outside the product: for what a caller or a far end does
 * (an incoming call, a caller hanging up) and to read a far end's channel variables.
 */
export async function asteriskAri(method: 'GET' | 'POST' | 'DELETE', path: string, query: Record<string, string> = {}, body?: unknown): Promise<{ status: number; body: unknown }> {
  const url = new URL(`${(ASTERISK_ARI_URL as string).replace(/\/+$/, '')}/ari${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const user = process.env.ASTERISK_ARI_USERNAME ?? 'opencall';
  const password = process.env.ASTERISK_ARI_PASSWORD ?? 'opencall';
  const response = await fetch(url, {
    method,
    headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** A channel variable of a live channel (a Local far end's `;2` half: `CALLERID(num)`, `HEARD`), or null. */
export async function asteriskVariable(channelId: string, variable: string): Promise<string | null> {
  const answer = await asteriskAri('GET', `/channels/${encodeURIComponent(channelId)}/variable`, { variable });
  return answer.status === 200 ? (answer.body as { value: string }).value : null;
}
