type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RestAnswer {
  status: number;
  body: Json;
}

/** A REST request with a bearer credential; the answer's JSON (or {}). */
export async function restCall(baseUrl: string, token: string, method: string, path: string, body?: unknown): Promise<RestAnswer> {
  const response = await fetch(`${baseUrl}/v1.0${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}
