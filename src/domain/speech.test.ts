import { parseSpeech, SPEECH_TEXT_MAX } from './speech';

describe('speech on a live call', () => {
  it('takes text and a language tag, defaulting the language to en-US', () => {
    expect(parseSpeech({ text: 'Hello there' })).toEqual({ text: 'Hello there', language: 'en-US' });
    expect(parseSpeech({ text: 'Annyeong', language: 'ko-KR' })).toEqual({ text: 'Annyeong', language: 'ko-KR' });
    expect(parseSpeech({ text: 'x'.repeat(SPEECH_TEXT_MAX), language: 'cmn-Hans-CN' }).language).toBe('cmn-Hans-CN');
  });

  it.each([
    [{}, 'text', /required/],
    [{ text: 3 }, 'text', /string/],
    [{ text: '   ' }, 'text', /empty/],
    [{ text: 'x'.repeat(SPEECH_TEXT_MAX + 1) }, 'text', /at most/],
    [{ text: 'a\u0000b' }, 'text', /NUL/],
    [{ text: 'hi', language: 'english please' }, 'language', /language tag/],
    [{ text: 'hi', language: 7 }, 'language', /language tag/],
    [{ text: 'hi', language: `en-${'A'.repeat(40)}` }, 'language', /language tag/],
  ])('%j is refused naming %s', (input, field, message) => {
    expect(() => parseSpeech(input)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field, message: expect.stringMatching(message) }));
  });
});
