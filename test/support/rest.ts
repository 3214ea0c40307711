import type { TestApp } from './test-app';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RestAnswer {
  status: number;
  body: Json;
}

/** A /v1.0 request as a VoIPBIN client sends it, with the key in `?token=`. */
export async function rest(t: TestApp, method: string, path: string, body?: unknown, token = t.accessKey): Promise<RestAnswer> {
  const url = new URL(`/v1.0${path}`, t.baseUrl);
  url.searchParams.set('token', token);
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}
