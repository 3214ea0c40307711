import { normalizeCalledNumber } from './called-number';

describe('normalizeCalledNumber', () => {
  it.each([
    ['+15558880001', '+15558880001'],
    ['15558880001', '+15558880001'],
    [' +15558880001 ', '+15558880001'],
    ['sip:+15558880001@carrier.example', '+15558880001'],
    ['15558880001@carrier.example', '+15558880001'],
    ['sipp', null],
    ['', null],
    ['+1555', null],
    ['+1 555 888 0001', null],
    ['1'.repeat(16), null],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeCalledNumber(raw)).toBe(expected);
  });
});
