import { parseSeedVariables } from './flow-variables';

describe('parseSeedVariables', () => {
  it('takes a flat map of strings and drops the product\'s own voipbin.* names', () => {
    expect(parseSeedVariables({ campaign_id: 'summer-2026', 'voipbin.call.id': 'forged' })).toEqual({ campaign_id: 'summer-2026' });
    expect(parseSeedVariables(undefined)).toEqual({});
  });

  it.each([
    [[], 'variables'],
    [{ count: 3 }, 'variables.count'],
    [Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v'])), 'at most 100'],
    [{ big: 'x'.repeat(32 * 1024 + 1) }, 'variables.big'],
    [{ a: 'x'.repeat(32 * 1024), b: 'x'.repeat(32 * 1024) }, 'in all'],
    [{ '': 'empty name' }, 'names'],
  ])('refuses %#, naming the fault', (value, message) => {
    expect(() => parseSeedVariables(value)).toThrow(message);
  });
});
