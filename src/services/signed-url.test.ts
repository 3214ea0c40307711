import { createDownloadSigner } from './signed-url';

const ID = '0b9f4a52-6d3e-4a43-9a57-5d4b0b2f6a11';
const NOW = new Date('2026-12-01T12:00:00Z');

describe('download URL signatures', () => {
  const signer = createDownloadSigner('a server secret of some length', 3600);

  it('verifies its own signature until it expires an hour later', () => {
    const { expires, signature } = signer.sign(ID, NOW);
    expect(expires).toBe(NOW.getTime() / 1000 + 3600);
    expect(signer.verify(ID, String(expires), signature, NOW)).toBe(true);
    expect(signer.verify(ID, String(expires), signature, new Date(NOW.getTime() + 3599_000))).toBe(true);
    expect(signer.verify(ID, String(expires), signature, new Date(NOW.getTime() + 3600_000))).toBe(false);
  });

  it('refuses a changed id, expiry or signature, and another secret’s signature', () => {
    const { expires, signature } = signer.sign(ID, NOW);
    expect(signer.verify(ID.replace('0b', '0c'), String(expires), signature, NOW)).toBe(false);
    expect(signer.verify(ID, String(expires + 1), signature, NOW)).toBe(false);
    expect(signer.verify(ID, String(expires), `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`, NOW)).toBe(false);
    expect(signer.verify(ID, String(expires), createDownloadSigner('another secret').sign(ID, NOW).signature, NOW)).toBe(false);
  });

  it('refuses missing or malformed parameters', () => {
    const { expires, signature } = signer.sign(ID, NOW);
    for (const [e, s] of [[undefined, signature], [String(expires), undefined], ['1e10', signature], [['1', '2'], signature], [String(expires), [signature]]]) {
      expect(signer.verify(ID, e, s, NOW)).toBe(false);
    }
  });
});
