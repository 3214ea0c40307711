import { dtmfPlayoutMs } from './dtmf-timing';

describe('how long a DTMF string plays', () => {
  it.each([
    // The trace dtmf-send-timing: 12 digits, 100 ms each, 100 ms between; the last ends at about 2.4 s, the string at 2.5 s.
    [{ digits: '1234567890*#', durationMs: 100, intervalMs: 100 }, 2500],
    [{ digits: '1', durationMs: 250, intervalMs: 100 }, 450],
    [{ digits: '*#', durationMs: 250, intervalMs: 500 }, 1600],
    // Asterisk plays an interval of 0 as its default 100 ms.
    [{ digits: '12', durationMs: 100, intervalMs: 0 }, 500],
  ])('%j takes %i ms', (dtmf, expected) => {
    expect(dtmfPlayoutMs(dtmf)).toBe(expected);
  });
});
