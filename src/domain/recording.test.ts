import { AppError } from './errors';
import type { RecordingStartOption } from './flow/flow-action';
import { ariRecordingName, cannotStartRecording, endsOnKey, parseAriRecordingName, parseRecordingOptions, partsOf, type RecordingOptions } from './recording';

// The flow runner hands its parsed recording_start option to RecordingService.startWith as is.
const fromFlow = (option: RecordingStartOption): RecordingOptions => option;

describe('parseRecordingOptions', () => {
  it('defaults to wav, both directions, mixed, no limits', () => {
    expect(parseRecordingOptions(undefined)).toEqual({ format: 'wav', direction: 'both', channels: 'mixed', endOfSilence: 0, endOfKey: '', duration: 0 });
    expect(parseRecordingOptions({})).toEqual(parseRecordingOptions(null));
  });

  it('reads what the flow action recording_start parses to', () => {
    const option: RecordingStartOption = { format: 'mp3', direction: 'out', channels: 'mixed', endOfSilence: 3, endOfKey: '#', duration: 30 };
    expect(fromFlow(option)).toEqual(parseRecordingOptions({ format: 'mp3', direction: 'out', end_of_silence: 3, end_of_key: '#', duration: 30 }));
  });

  it('takes every valid option', () => {
    expect(parseRecordingOptions({ format: 'ogg', direction: 'in', channels: 'stereo', end_of_silence: 5, end_of_key: '#*', duration: 600 })).toEqual({
      format: 'ogg',
      direction: 'in',
      channels: 'stereo',
      endOfSilence: 5,
      endOfKey: '#*',
      duration: 600,
    });
  });

  it.each([
    [{ format: 'WAV' }, 'format'],
    [{ format: 7 }, 'format'],
    [{ direction: 'up' }, 'direction'],
    [{ channels: 'quad' }, 'channels'],
    [{ end_of_silence: 3601 }, 'end_of_silence'],
    [{ end_of_silence: '5' }, 'end_of_silence'],
    [{ duration: -1 }, 'duration'],
    [{ duration: 86401 }, 'duration'],
    [{ end_of_key: 'x' }, 'end_of_key'],
    [{ end_of_key: 5 }, 'end_of_key'],
    ['text', 'body'],
    [[], 'body'],
  ])('refuses %j naming %s', (input, field) => {
    expect(() => parseRecordingOptions(input)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });
});

describe('recording parts and names', () => {
  it('records each direction on its own snoop', () => {
    expect(partsOf('both')).toEqual(['in', 'out']);
    expect(partsOf('in')).toEqual(['in']);
    expect(partsOf('out')).toEqual(['out']);
  });

  it('names ARI recordings so they parse back, and nothing else does', () => {
    const id = '0b9f4a52-6d3e-4a43-9a57-5d4b0b2f6a11';
    expect(parseAriRecordingName(ariRecordingName(id, 'out'))).toEqual({ recordingId: id, part: 'out' });
    expect(parseAriRecordingName('rec-bridge-1')).toBeNull();
    expect(parseAriRecordingName(`rec-${id}-both`)).toBeNull();
  });
});

describe('starting rules', () => {
  it('lets only a progressing call with no active recording start one', () => {
    expect(cannotStartRecording({ status: 'progressing', recordingId: null })).toBeNull();
    for (const status of ['dialing', 'ringing', 'terminating', 'canceling', 'hangup']) {
      expect(cannotStartRecording({ status, recordingId: null })).toEqual(expect.objectContaining({ code: expect.stringMatching(/^CALL_(NOT_ANSWERED|ENDING|ALREADY_HUNGUP)$/) }));
    }
    const busy = cannotStartRecording({ status: 'progressing', recordingId: 'r-1' });
    expect(busy).toBeInstanceOf(AppError);
    expect(busy?.message).toContain('already being recorded');
  });

  it('ends on one of its keys only', () => {
    expect(endsOnKey({ endOfKey: '#*' }, '#')).toBe(true);
    expect(endsOnKey({ endOfKey: '#*' }, '1')).toBe(false);
    expect(endsOnKey({ endOfKey: '' }, '#')).toBe(false);
  });
});
