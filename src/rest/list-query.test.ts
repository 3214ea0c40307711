import { AppError } from '../domain/errors';
import { parsePageSize, parsePageToken } from './list-query';

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.field}`;
    throw error;
  }
  return undefined;
};

describe('page_size', () => {
  it('is 100 when absent or empty, the number when given, and at most 100', () => {
    expect(parsePageSize(undefined)).toBe(100);
    expect(parsePageSize('')).toBe(100);
    expect(parsePageSize('2')).toBe(2);
    expect(parsePageSize('100')).toBe(100);
    expect(parsePageSize('1000')).toBe(100);
  });

  it.each([['0'], ['-1'], ['abc'], ['2.5'], ['1e3'], [['2', '3']]])('refuses %p naming page_size', (value) => {
    expect(fieldOf(() => parsePageSize(value))).toBe('VALIDATION_FAILED:page_size');
  });
});

describe('page_token', () => {
  it('is no cursor when absent or empty', () => {
    expect(parsePageToken(undefined)).toBeUndefined();
    expect(parsePageToken('')).toBeUndefined();
  });

  it('is "strictly older than the timestamp": its microseconds with the smallest id', () => {
    expect(parsePageToken('2021-02-06 08:54:38.361123')).toEqual({ createdUs: 1_612_601_678_361_123n, id: '00000000-0000-0000-0000-000000000000' });
  });

  it.each([['tomorrow'], ['2021-02-06'], [['a', 'b']]])('refuses %p naming page_token', (value) => {
    expect(fieldOf(() => parsePageToken(value))).toBe('VALIDATION_FAILED:page_token');
  });
});
