import { ASKABLE_NAMES, EVENT_TYPES, nameAskedFor, RESOURCE_TYPES } from './event-types';

describe('the event-type table', () => {
  it('names every emitted event with its resource', () => {
    expect(EVENT_TYPES.call_hungup.resource).toBe('call');
    expect(EVENT_TYPES.activeflow_updated.resource).toBe('activeflow');
    expect(EVENT_TYPES.groupcall_hangup.resource).toBe('groupcall');
    expect(EVENT_TYPES.transfer_completed.resource).toBe('transfer');
    expect(RESOURCE_TYPES).toEqual(['call', 'activeflow', 'recording', 'groupcall', 'transfer']);
  });

  it('gives each askable name once', () => {
    const names = ASKABLE_NAMES.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('delivers an event under the name the subscriber asked for', () => {
    expect(nameAskedFor(['call_hangup'], 'call_hungup', 'hangup')).toBe('call_hangup');
    expect(nameAskedFor(['call_hungup', 'call_hangup'], 'call_hungup', 'hangup')).toBe('call_hungup');
    expect(nameAskedFor([], 'call_updated', 'terminating')).toBe('call_updated');
    expect(nameAskedFor(['call_canceling'], 'call_updated', 'canceling')).toBe('call_canceling');
    expect(nameAskedFor(['call_canceling'], 'call_updated', 'progressing')).toBeNull();
    expect(nameAskedFor(['call_created'], 'call_hungup', 'hangup')).toBeNull();
  });
});
