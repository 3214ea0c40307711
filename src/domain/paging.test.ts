import { AppError } from './errors';
import { MAX_PAGE_SIZE, pageSizeOf } from './paging';

describe('the page-size rule', () => {
  it('is the maximum when absent, the size when given, and clamps sizes over the maximum', () => {
    for (const absent of [undefined, null, '']) expect(pageSizeOf(absent, 'page_size')).toBe(MAX_PAGE_SIZE);
    expect(pageSizeOf('2', 'page_size')).toBe(2);
    expect(pageSizeOf(7, 'first')).toBe(7);
    expect(pageSizeOf('1000', 'page_size')).toBe(MAX_PAGE_SIZE);
    expect(pageSizeOf(101, 'first')).toBe(MAX_PAGE_SIZE);
  });

  it.each([['0'], ['-1'], ['abc'], ['2.5'], ['1e3'], [0], [-5], [2.5], [true], [['2']]])('refuses %p naming the parameter', (value) => {
    expect(() => pageSizeOf(value, 'first')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'first' }) as AppError);
  });
});
