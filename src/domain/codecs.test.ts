import { mediaFormatsOf, parseCodecs } from './codecs';

describe("a provider's codecs", () => {
  it.each([
    ['', ''],
    ['ulaw,alaw', 'ulaw,alaw'],
    ['PCMU,PCMA', 'ulaw,alaw'],
    ['opus, g722 ,ulaw', 'opus,g722,ulaw'],
    ['G729', 'g729'],
  ])('keeps %j as written, offered as the formats %j', (codecs, formats) => {
    expect(parseCodecs(codecs)).toBe(codecs);
    expect(mediaFormatsOf(codecs)).toBe(formats);
  });

  it('is empty when absent', () => {
    expect(parseCodecs(undefined)).toBe('');
    expect(parseCodecs(null)).toBe('');
  });

  it.each([['h264'], ['ulaw,,alaw'], ['ulaw,'], ['ulaw;alaw'], ['ulaw,PCMU'], [7], [['ulaw']], ['x'.repeat(201)]])('refuses %j', (value) => {
    expect(() => parseCodecs(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field: 'codecs' }));
  });
});
