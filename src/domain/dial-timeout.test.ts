import { AppError } from './errors';
import { DEFAULT_DIAL_TIMEOUT_MS, mediaDialTimeoutSeconds, resolveDialTimeout } from './dial-timeout';

describe('the dial timeout', () => {
  it('defaults to the documented 30000 ms', () => {
    expect(DEFAULT_DIAL_TIMEOUT_MS).toBe(30_000);
    expect(resolveDialTimeout(undefined)).toBe(30_000);
    expect(resolveDialTimeout(null)).toBe(30_000);
  });

  it.each([1000, 45_000, 600_000])('accepts %i ms', (ms) => {
    expect(resolveDialTimeout(ms)).toBe(ms);
  });

  it.each([0, -1, 999, 600_001, 1.5, '30000', Number.NaN])('refuses %p naming dial_timeout', (value) => {
    expect(() => resolveDialTimeout(value)).toThrow(AppError);
    expect(() => resolveDialTimeout(value)).toThrow(/dial_timeout/);
  });

  it('gives the media server a later safety net than the product’s own timeout', () => {
    expect(mediaDialTimeoutSeconds(30_000)).toBeGreaterThan(30);
    expect(mediaDialTimeoutSeconds(1_500)).toBeGreaterThan(1.5);
  });
});
