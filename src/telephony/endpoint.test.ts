import { dialOfAttempt, endpointFor } from './endpoint';

const templates = { tel: 'PJSIP/{target}@carrier', sip: 'PJSIP/sipout/sip:{target}', endpoint: 'PJSIP/{target}', extension: 'Local/{target}@sandbox' };

describe('a destination as an Asterisk endpoint', () => {
  it.each([
    [{ type: 'tel', target: '+15551234567' }, 'PJSIP/+15551234567@carrier'],
    [{ type: 'sip', target: 'alice@example.com' }, 'PJSIP/sipout/sip:alice@example.com'],
    [{ type: 'endpoint', target: 'test11@test' }, 'PJSIP/test11@test'],
    [{ type: 'extension', target: '1001' }, 'Local/1001@sandbox'],
  ] as const)('%o → %s', (address, endpoint) => {
    expect(endpointFor(address, templates)).toBe(endpoint);
  });
});

describe("where a call's current attempt dials", () => {
  const destination = { type: 'tel', target: '+15551234567', targetName: '', name: '', detail: '' } as const;
  const planned = (name: string, techHeaders: Record<string, string>, codecs: string) => ({ providerId: name, providerName: name, endpoint: `PJSIP/{target}@${name}`, techHeaders, codecs });
  const routePlan = [planned('carrier-a', { 'X-Account': 'a' }, 'PCMU,PCMA'), planned('carrier-b', {}, '')];
  const attempt = { providerId: 'x', providerName: 'x', channelId: 'c', tmStart: new Date(), tmEnd: null, cause: null, hangupReason: null };

  it("goes through the attempt's provider, with that provider's headers and codecs", () => {
    expect(dialOfAttempt({ destination, routePlan, attempts: [attempt] }, templates)).toEqual({ endpoint: 'PJSIP/+15551234567@carrier-a', sipHeaders: { 'X-Account': 'a' }, formats: 'ulaw,alaw' });
    expect(dialOfAttempt({ destination, routePlan, attempts: [attempt, attempt] }, templates)).toEqual({ endpoint: 'PJSIP/+15551234567@carrier-b' });
  });

  it('goes through the default provider, with neither, when no route matched', () => {
    expect(dialOfAttempt({ destination, routePlan: [], attempts: [] }, templates)).toEqual({ endpoint: 'PJSIP/+15551234567@carrier' });
  });
});
