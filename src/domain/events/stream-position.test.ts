import { parseStreamPosition } from './stream-position';

describe('parseStreamPosition', () => {
  it('takes the decimal position of an event', () => {
    expect(parseStreamPosition('0')).toBe('0');
    expect(parseStreamPosition('12345')).toBe('12345');
  });

  it.each(['', '-1', '01', '1.5', 'abc', '12345678901234567890', 12])('refuses %p, naming the field', (bad) => {
    expect(() => parseStreamPosition(bad)).toThrow(/after: must be a stream position/);
  });
});
