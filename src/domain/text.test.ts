import { AppError } from './errors';
import { containsNul, parseText } from './text';

describe('stored text', () => {
  it('finds a NUL anywhere in a value, keys included', () => {
    expect(containsNul({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(containsNul({ ['k\u0000']: 1 })).toBe(true);
    expect(containsNul({ a: ['é🎉', 1, null] })).toBe(false);
  });

  it('accepts optional text and refuses NUL, other types and length, naming the field', () => {
    expect(parseText(undefined, 'name', 5)).toBe('');
    expect(parseText('héllo', 'name', 5)).toBe('héllo');
    for (const bad of ['a\u0000', 42, 'toolong']) {
      expect(() => parseText(bad, 'name', 5)).toThrow(AppError);
      expect(() => parseText(bad, 'name', 5)).toThrow(/^name:/);
    }
  });
});
