/** A VoIPBIN client's request: the key in `?token=`; the JSON body parsed when there is one. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RestAnswer {
  status: number;
  body: Json;
  headers: Headers;
}

export function restClient(baseUrl: string, defaultToken: string) {
  return async (method: string, path: string, { token = defaultToken, body }: { token?: string | null; body?: unknown } = {}): Promise<RestAnswer> => {
    const url = new URL(`/v1.0${path}`, baseUrl);
    if (token) url.searchParams.set('token', token);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const response = await fetch(url, { method, headers: payload === undefined ? {} : { 'content-type': 'application/json' }, body: payload, redirect: 'manual' });
    const text = await response.text();
    let parsed: Json = {};
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      parsed = { text };
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
}

/** VoIPBIN's `2006-01-02 15:04:05.000000` (UTC) as a Date. */
export const voipbinDate = (text: string): Date => new Date(`${text.replace(' ', 'T').slice(0, 23)}Z`);

/** A REST request with a bearer credential; the answer's JSON (or {}). */
export async function restCall(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<RestAnswer> {
  const response = await fetch(`${baseUrl}/v1.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {}, headers: response.headers };
}
