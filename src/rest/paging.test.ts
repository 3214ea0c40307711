import { AppError } from '../domain/errors';
import { dateCursorOf, listAnswer, microCursorOf, pageRequestOf } from './paging';

const request = (query: Record<string, unknown>) => pageRequestOf({ query } as never);
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return `${error.code}:${error.field}`;
    throw error;
  }
  return undefined;
};

describe('page_size and page_token', () => {
  it('refuses a repeated parameter naming it', () => {
    expect(fieldOf(() => request({ page_size: ['2', '3'] }))).toBe('VALIDATION_FAILED:page_size');
    expect(fieldOf(() => request({ page_token: ['a', 'b'] }))).toBe('VALIDATION_FAILED:page_token');
  });

  it('reads the token as "strictly older than the timestamp"', () => {
    const page = request({ page_token: '2021-02-06 08:54:38.361123' });
    expect(microCursorOf(page)).toEqual({ createdUs: 1_612_601_678_361_123n, id: '00000000-0000-0000-0000-000000000000' });
    expect(dateCursorOf(page)).toEqual({ tmCreate: new Date(1_612_601_678_362), id: null });
    expect(request({ page_token: '' }).beforeUs).toBeUndefined();
  });

  it.each([['tomorrow'], ['2021-02-06'], ['2021-02-30 00:00:00.000000']])('refuses %p naming page_token', (value) => {
    expect(fieldOf(() => request({ page_token: value }))).toBe('VALIDATION_FAILED:page_token');
  });

  it('answers the last item’s tm_create as the next token, and "" for an empty page', () => {
    expect(listAnswer([1], 1_612_601_678_361_123n)).toEqual({ result: [1], next_page_token: '2021-02-06 08:54:38.361123' });
    expect(listAnswer([1], new Date(1_612_601_678_361))).toEqual({ result: [1], next_page_token: '2021-02-06 08:54:38.361000' });
    expect(listAnswer([], undefined)).toEqual({ result: [], next_page_token: '' });
  });
});
