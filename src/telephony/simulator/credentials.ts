import type { IncomingMessage } from 'node:http';

const BASIC = /^basic\s+(\S+)\s*$/i;

/**
 * ARI's authentication: HTTP basic, or `api_key=user:pass` in the query string (what ari-client's
 * event socket uses). With no username and password configured, anything goes.
 */
export function credentialsCheck(username: string | undefined, password: string | undefined): (req: IncomingMessage) => boolean {
  if (!username || !password) return () => true;
  const expected = `${username}:${password}`;
  return (req) => {
    const basic = BASIC.exec(req.headers.authorization ?? '')?.[1];
    if (basic !== undefined && Buffer.from(basic, 'base64').toString('utf8') === expected) return true;
    const query = req.url?.indexOf('?') ?? -1;
    if (query === -1 || !req.url) return false;
    return new URLSearchParams(req.url.slice(query + 1)).get('api_key') === expected;
  };
}
