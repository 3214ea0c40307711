import { endpointFor } from './endpoint';

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
