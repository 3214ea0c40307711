import { assertControllable, changesMediaState, mediaStateAfter, muteAfter, parseDtmf, parseMuteSide, type MediaState } from './media-control';

const NONE: MediaState = { hold: false, muteDirection: '', moh: false, silence: false };

describe('media controls', () => {
  it('are allowed only on a progressing call, naming the status otherwise', () => {
    expect(() => assertControllable('progressing')).not.toThrow();
    for (const status of ['dialing', 'ringing', 'terminating', 'canceling', 'hangup'] as const) {
      expect(() => assertControllable(status)).toThrow(expect.objectContaining({ code: expect.stringMatching(/^CALL_(NOT_ANSWERED|ENDING|ALREADY_HUNGUP)$/), message: expect.stringContaining(status) }));
    }
  });

  it('mute adds sides and unmute removes them', () => {
    expect(muteAfter('', 'in', true)).toBe('in');
    expect(muteAfter('in', 'out', true)).toBe('both');
    expect(muteAfter('both', 'in', false)).toBe('out');
    expect(muteAfter('out', 'both', false)).toBe('');
    expect(muteAfter('', 'in', false)).toBe('');
    expect(muteAfter('in', 'both', true)).toBe('both');
  });

  it('each control changes only its own part of the state; DTMF changes none', () => {
    expect(mediaStateAfter(NONE, { type: 'hold', on: true })).toEqual({ ...NONE, hold: true });
    expect(mediaStateAfter(NONE, { type: 'moh', on: true })).toEqual({ ...NONE, moh: true });
    expect(mediaStateAfter(NONE, { type: 'silence', on: true })).toEqual({ ...NONE, silence: true });
    expect(mediaStateAfter(NONE, { type: 'mute', on: true, direction: 'out' })).toEqual({ ...NONE, muteDirection: 'out' });
    expect(mediaStateAfter(NONE, { type: 'dtmf', dtmf: { digits: '1', durationMs: 250, intervalMs: 100 } })).toEqual(NONE);
    const talk = { type: 'talk', speech: { text: 'hi', language: 'en-US' }, playbackId: 'p' } as const;
    expect(mediaStateAfter(NONE, talk)).toEqual(NONE);
    expect(changesMediaState(talk)).toBe(false);
    expect(changesMediaState({ type: 'hold', on: true })).toBe(true);
  });

  it('parses a mute direction or names the field', () => {
    expect(parseMuteSide('both')).toBe('both');
    expect(() => parseMuteSide(undefined)).toThrow(expect.objectContaining({ field: 'direction' }));
    expect(() => parseMuteSide('IN')).toThrow(expect.objectContaining({ field: 'direction' }));
  });

  it('parses DTMF with VoIPBIN limits and defaults', () => {
    expect(parseDtmf({ digits: '0123456789abcd*#' })).toEqual({ digits: '0123456789ABCD*#', durationMs: 250, intervalMs: 100 });
    expect(parseDtmf({ digits: '1', duration: 100, interval: 0 })).toEqual({ digits: '1', durationMs: 100, intervalMs: 0 });
    expect(parseDtmf({ digits: '1'.repeat(100), duration: 1000, interval: 5000 }).digits).toHaveLength(100);
    const field = (input: Parameters<typeof parseDtmf>[0]) => {
      try {
        parseDtmf(input);
      } catch (error) {
        return (error as { field?: string }).field;
      }
      return null;
    };
    expect(field({})).toBe('digits');
    expect(field({ digits: 'E' })).toBe('digits');
    expect(field({ digits: '1,2' })).toBe('digits');
    expect(field({ digits: '1'.repeat(101) })).toBe('digits');
    expect(field({ digits: '1', duration: 99 })).toBe('duration');
    expect(field({ digits: '1', duration: 1001 })).toBe('duration');
    expect(field({ digits: '1', duration: 250.5 })).toBe('duration');
    expect(field({ digits: '1', interval: -1 })).toBe('interval');
    expect(field({ digits: '1', interval: 5001 })).toBe('interval');
  });
});
