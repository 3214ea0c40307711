import { parseSipHeaders } from './sip-headers';

describe("a provider's SIP headers", () => {
  it('keeps header names made of RFC 3261 token characters, with text values', () => {
    const headers = { 'X-Account': 'acme', "P-Asserted.Id_!%*+`'~": 'sip:+15551234567@example.net', 'X-Tabbed': 'a\tb' };
    expect(parseSipHeaders(headers)).toEqual(headers);
    expect(parseSipHeaders(undefined)).toEqual({});
    expect(parseSipHeaders(null)).toEqual({});
  });

  it.each([
    [['X-A'], 'tech_headers'],
    ['X-A: b', 'tech_headers'],
    [{ 'X A': 'b' }, 'tech_headers'],
    [{ 'X-A,b': 'c' }, 'tech_headers'],
    [{ 'X-A)': 'c' }, 'tech_headers'],
    [{ 'X-A:': 'c' }, 'tech_headers'],
    [{ '': 'c' }, 'tech_headers'],
    [{ ['X'.repeat(65)]: 'c' }, 'tech_headers'],
    [{ Via: 'SIP/2.0/UDP evil' }, 'tech_headers'],
    [{ 'call-id': 'x' }, 'tech_headers'],
    [{ f: 'x' }, 'tech_headers'],
    [{ 'X-A': 'b\r\nVia: evil' }, 'tech_headers["X-A"]'],
    [{ 'X-A': 'b\nc' }, 'tech_headers["X-A"]'],
    [{ 'X-A': 'b\u0000' }, 'tech_headers["X-A"]'],
    [{ 'X-A': 7 }, 'tech_headers["X-A"]'],
    [{ 'X-A': 'b'.repeat(501) }, 'tech_headers["X-A"]'],
    [Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-${i}`, 'v'])), 'tech_headers'],
  ])('refuses %j naming %s', (value, field) => {
    expect(() => parseSipHeaders(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });
});
