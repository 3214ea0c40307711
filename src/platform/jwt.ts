import { createHmac, timingSafeEqual } from 'node:crypto';

export interface JwtClaims {
  sub: string;
  cid: string;
  iat: number;
  exp: number;
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

const signature = (input: string, secret: string) => createHmac('sha256', secret).update(input).digest('base64url');

export const looksLikeJwt = (token: string): boolean => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/** An HS256 JWT (RFC 7519) carrying the user and its customer, valid for `ttlSeconds`. */
export function signJwt(claims: Pick<JwtClaims, 'sub' | 'cid'>, secret: string, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const payload = Buffer.from(JSON.stringify({ ...claims, iat, exp: iat + ttlSeconds })).toString('base64url');
  return `${HEADER}.${payload}.${signature(`${HEADER}.${payload}`, secret)}`;
}

/** The claims of a token signed with `secret` and not expired; null for anything else. */
export function verifyJwt(token: string, secret: string, now = Date.now()): JwtClaims | null {
  const [header, payload, given] = token.split('.');
  if (!header || !payload || !given || header !== HEADER) return null;
  const expected = Buffer.from(signature(`${header}.${payload}`, secret));
  const actual = Buffer.from(given);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<JwtClaims>;
    if (typeof claims.sub !== 'string' || typeof claims.cid !== 'string' || typeof claims.exp !== 'number') return null;
    return claims.exp > Math.floor(now / 1000) ? (claims as JwtClaims) : null;
  } catch {
    return null;
  }
}
