import { createSequenceGate, endsResource, type GatedEvent } from './sequence-gate';

const event = (resourceId: string, sequence: number, type = 'call_updated', resourceType = 'call', payload: Record<string, unknown> = {}): GatedEvent => ({
  resourceType,
  resourceId,
  type,
  sequence,
  payload,
});

describe('createSequenceGate', () => {
  it('lets each event of a resource pass once, in sequence order', () => {
    const gate = createSequenceGate();
    expect([1, 2, 2, 1, 3].map((sequence) => gate.admit(event('a', sequence)))).toEqual([true, true, false, false, true]);
    expect(gate.admit(event('b', 1))).toBe(true);
  });

  it('still drops a repeat of an ended call, its hangup or an earlier event, and lets its deletion pass', () => {
    const gate = createSequenceGate(2);
    expect(gate.admit(event('a', 1, 'call_created'))).toBe(true);
    expect(gate.admit(event('a', 2, 'call_hungup'))).toBe(true);
    expect(gate.admit(event('a', 2, 'call_hungup'))).toBe(false);
    expect(gate.admit(event('a', 1, 'call_created'))).toBe(false);
    expect(gate.admit(event('a', 3, 'call_deleted'))).toBe(true);
    expect(gate.admit(event('a', 3, 'call_deleted'))).toBe(false);
  });

  it('over many ended calls remembers only the live ones and the last ended ones', () => {
    const gate = createSequenceGate(10);
    gate.admit(event('still-up', 1, 'call_created'));
    for (let n = 0; n < 10_000; n++) {
      gate.admit(event(`call-${n}`, 1, 'call_created'));
      gate.admit(event(`call-${n}`, 2, 'call_hungup'));
    }
    expect(gate.size).toBe(11);
    // The live call and the recently ended ones are still deduplicated.
    expect(gate.admit(event('still-up', 1, 'call_created'))).toBe(false);
    expect(gate.admit(event('call-9999', 2, 'call_hungup'))).toBe(false);
    expect(gate.admit(event('still-up', 2, 'call_answered'))).toBe(true);
  });
});

describe('endsResource', () => {
  it.each([
    ['call', 'call_hungup', {}, true],
    ['call', 'call_updated', {}, false],
    ['call', 'call_deleted', {}, true],
    ['groupcall', 'groupcall_hangup', {}, true],
    ['transfer', 'transfer_failed', {}, true],
    ['transfer', 'transfer_answered', {}, false],
    ['activeflow', 'activeflow_updated', { status: 'ended' }, true],
    ['activeflow', 'activeflow_updated', { status: 'running' }, false],
  ])('%s %s %j: %p', (resourceType, type, payload, ends) => {
    expect(endsResource({ resourceType, type, payload })).toBe(ends);
  });
});
