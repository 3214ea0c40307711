import type { IncomingHttpHeaders } from 'node:http';

/**
 * The access key of a request, looked for where VoIPBIN clients put it: cookie `token`,
 * `?token=`, `Authorization: Bearer`, cookie `accesskey`, `?accesskey=` (in that order).
 */
export function credentialOf(headers: IncomingHttpHeaders, url: string | undefined): string | null {
  const query = new URL(url ?? '/', 'http://localhost').searchParams;
  const cookies = parseCookies(headers.cookie);
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  return cookies.token ?? query.get('token') ?? bearer ?? cookies.accesskey ?? query.get('accesskey') ?? null;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      cookies[name] = part.slice(index + 1).trim();
    }
  }
  return cookies;
}
