import { formatMicros, formatTime, NOT_YET, parseTimestamp } from './voipbin-time';

describe('VoIPBIN timestamps', () => {
  it('formats a time in UTC with six fraction digits, and no time as "not yet"', () => {
    expect(formatTime(new Date('2021-02-04T04:44:20.904Z'))).toBe('2021-02-04 04:44:20.904000');
    expect(formatTime(null)).toBe(NOT_YET);
    expect(NOT_YET).toBe('9999-01-01 00:00:00.000000');
  });

  it('formats microseconds at full precision', () => {
    const micros = BigInt(Date.UTC(2021, 1, 6, 8, 54, 38, 361)) * 1000n + 123n;
    expect(formatMicros(micros)).toBe('2021-02-06 08:54:38.361123');
    expect(formatMicros(0n)).toBe('1970-01-01 00:00:00.000000');
  });

  it('reads back what it writes', () => {
    const micros = 1_612_601_678_361_123n;
    expect(parseTimestamp(formatMicros(micros))).toBe(micros);
  });

  it.each([
    ['2021-02-06 08:54:38', 1_612_601_678_000_000n],
    ['2021-02-06 08:54:38.5', 1_612_601_678_500_000n],
    ['2021-02-06T08:54:38.361000Z', 1_612_601_678_361_000n],
    // Nanoseconds round up, so "older than the token" still includes the microsecond below it.
    ['2022-05-01 15:10:38.785510878', BigInt(Date.UTC(2022, 4, 1, 15, 10, 38, 785)) * 1000n + 511n],
  ])('reads %s', (text, micros) => {
    expect(parseTimestamp(text)).toBe(micros);
  });

  it.each(['', 'yesterday', '2021-02-30 00:00:00.000000', '2021-13-01 00:00:00', '2021-02-06 24:00:00', '2021-02-06 08:54:38.1234567890', '1612601678', ' 2021-02-06 08:54:38'])(
    'refuses %p',
    (text) => {
      expect(parseTimestamp(text)).toBeNull();
    },
  );
});
