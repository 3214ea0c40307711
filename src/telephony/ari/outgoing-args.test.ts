import { sipHeaderVariables } from './outgoing-args';

describe("a provider's SIP headers on the channel Asterisk creates", () => {
  it('are PJSIP_HEADER(add,…) variables on a PJSIP endpoint', () => {
    expect(sipHeaderVariables('PJSIP/+15551234567@carrier-a', { 'X-Account': 'acme', 'X-Route': 'a' })).toEqual({
      'PJSIP_HEADER(add,X-Account)': 'acme',
      'PJSIP_HEADER(add,X-Route)': 'a',
    });
  });

  it('are none on another technology, which has no INVITE of its own, or without headers', () => {
    expect(sipHeaderVariables('Local/+15551234567@sandbox', { 'X-Account': 'acme' })).toEqual({});
    expect(sipHeaderVariables('PJSIP/+15551234567@carrier-a', undefined)).toEqual({});
  });
});
