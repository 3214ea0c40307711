import { parseAddress } from './address';
import { AppError } from './errors';

const refusal = (input: unknown, field = 'destinations[0]'): AppError => {
  try {
    parseAddress(input as never, field);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
};

describe('addresses', () => {
  it.each(['+15551234567', '+442071234567', '+1234567', '+123456789012345'])('accepts the E.164 number %s', (target) => {
    expect(parseAddress({ type: 'tel', target }, 'source')).toEqual({ type: 'tel', target, targetName: '', name: '', detail: '' });
  });

  it.each(['+1 555-123', '15551234567', '', '+123456', '+1234567890123456', '+1555123456a', '(+1)5551234', ' +15551234567', '+1-555-1234567'])(
    'refuses the tel target %j, naming the field',
    (target) => {
      const error = refusal({ type: 'tel', target });
      expect(error.code).toBe('INVALID_ADDRESS');
      expect(error.field).toBe('destinations[0].target');
      expect(error.message).toContain('destinations[0].target');
    },
  );

  it.each([
    ['sip', 'alice@example.com', true],
    ['sip', 'alice@10.0.0.1:5060', true],
    ['sip', 'alice', false],
    ['sip', '@example.com', false],
    ['sip', 'a b@example.com', false],
    ['endpoint', 'test11@test', true],
    ['endpoint', 'agent7', true],
    ['endpoint', 'test 11', false],
    ['extension', '1001', true],
    ['extension', '10-01', false],
    ['extension', '10 01', false],
    ['extension', '(1001)', false],
  ])('%s target %j accepted: %s', (type, target, accepted) => {
    if (accepted) expect(parseAddress({ type, target }, 'x').target).toBe(target);
    else expect(refusal({ type, target }).field).toBe('destinations[0].target');
  });

  it('refuses an unknown type, naming the type field', () => {
    const error = refusal({ type: 'fax', target: '+15551234567' }, 'source');
    expect(error.field).toBe('source.type');
  });

  it('refuses a missing address naming it', () => {
    expect(refusal(undefined, 'source').field).toBe('source');
    expect(refusal(null, 'destinations[2]').field).toBe('destinations[2]');
  });

  it('keeps the optional names and refuses ones that are not text', () => {
    expect(parseAddress({ type: 'tel', target: '+15551234567', name: 'Alice', targetName: 'Desk', detail: 'd' }, 's')).toMatchObject({ name: 'Alice', targetName: 'Desk', detail: 'd' });
    expect(refusal({ type: 'tel', target: '+15551234567', name: 42 }, 's').field).toBe('s.name');
  });
});
