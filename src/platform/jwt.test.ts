import { looksLikeJwt, signJwt, verifyJwt } from './jwt';

const SECRET = 'k'.repeat(32);
const claims = { sub: 'user-1', cid: 'customer-1' };

describe('JWTs', () => {
  it('verifies a token it signed, with its claims', () => {
    const token = signJwt(claims, SECRET, 60);
    expect(looksLikeJwt(token)).toBe(true);
    expect(verifyJwt(token, SECRET)).toMatchObject(claims);
  });

  it('refuses an expired token', () => {
    const token = signJwt(claims, SECRET, 60, Date.now() - 61_000);
    expect(verifyJwt(token, SECRET)).toBeNull();
  });

  it('refuses another key, a changed payload and alg none', () => {
    const token = signJwt(claims, SECRET, 60);
    expect(verifyJwt(token, 'x'.repeat(32))).toBeNull();
    const [header, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, cid: 'customer-2', iat: 0, exp: 9e9 })).toString('base64url');
    expect(verifyJwt(`${header}.${forged}.${sig}`, SECRET)).toBeNull();
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyJwt(`${none}.${forged}.`, SECRET)).toBeNull();
  });

  it('tells an access key from a JWT', () => {
    expect(looksLikeJwt('hZ3kq0sLwq_9bd-7x1PZc2Yp')).toBe(false);
  });
});
