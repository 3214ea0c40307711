import { HANGUP_REASONS } from '../hangup';
import { invalidArgument } from '../errors';
import { DEFAULT_SPEECH_LANGUAGE, SPEECH_LANGUAGE, SPEECH_LANGUAGE_EXPECTED, SPEECH_LANGUAGE_MAX, SPEECH_TEXT_MAX } from '../speech';
import { parseActionAddress } from './action-address';
import type { FlowAction, FlowActionType } from './flow-action';
import { OptionReader } from './option-reader';

export const DEFAULT_BRANCH_VARIABLE = 'voipbin.call.digits';
export const MAX_TEXT = 10_000;
export const MAX_ID = 255;
const MAX_WAIT_MS = 3_600_000; // the maximum call duration: no single wait may outlast the call
const MAX_STREAM_URLS = 100;
const MAX_DESTINATIONS = 100;

const DTMF = /^[0-9A-D*#]+$/;
const DTMF_EXPECTED = 'made of 0-9, A-D, * and #';
const VARIABLE_NAME = /^[A-Za-z0-9_.-]+$/;
const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

type OptionOf<T extends FlowActionType> = Extract<FlowAction, { type: T }>['option'];
type OptionParsers = { [T in FlowActionType]: (read: OptionReader) => OptionOf<T> };

/** One parser per canonical action type: snake_case options in, typed and defaulted options out. */
export const OPTION_PARSERS: OptionParsers = {
  answer: () => ({}),
  talk: (read) => ({
    text: read.string(['text'], { max: SPEECH_TEXT_MAX }),
    language: read.string(['language'], { max: SPEECH_LANGUAGE_MAX, pattern: SPEECH_LANGUAGE, expected: SPEECH_LANGUAGE_EXPECTED }, DEFAULT_SPEECH_LANGUAGE),
    digitsHandle: read.oneOf(['digits_handle'], ['next', ''] as const, '') === 'next' ? 'next' : null,
  }),
  play: (read) => ({ streamUrls: streamUrls(read) }),
  hangup: (read) => {
    const reason = read.oneOf(['reason'], [...HANGUP_REASONS, ''] as const, '');
    return { reason: reason === '' ? null : reason };
  },
  sleep: (read) => ({ durationMs: read.int(['duration'], { min: 1, max: MAX_WAIT_MS, unit: 'ms' }) }),
  digits_receive: (read) => ({
    durationMs: read.int(['duration'], { min: 1, max: MAX_WAIT_MS, unit: 'ms' }),
    length: read.int(['length'], { min: 1, max: 100 }, 100),
    key: read.string(['key', 'terminator'], { max: 16, pattern: DTMF, expected: DTMF_EXPECTED, allowEmpty: true }, ''),
  }),
  digits_send: (read) => ({
    digits: read.string(['digits', 'dtmfs'], { max: 100, pattern: DTMF, expected: DTMF_EXPECTED }),
    durationMs: read.int(['duration'], { min: 100, max: 1000, unit: 'ms' }, 250),
    intervalMs: read.int(['interval'], { min: 0, max: 5000, unit: 'ms' }, 100),
  }),
  branch: (read) => ({
    variable: read.string(['variable'], { max: MAX_ID, pattern: VARIABLE_NAME, expected: 'a variable name such as voipbin.call.digits' }, DEFAULT_BRANCH_VARIABLE),
    targetIds: targetIds(read),
    defaultTargetId: optionalId(read, 'default_target_id'),
  }),
  goto: (read) => ({
    targetId: read.string(['target_id'], { max: MAX_ID }),
    loopCount: read.int(['loop_count'], { min: 0, max: 10_000 }, 0),
  }),
  connect: (read) => {
    const source = read.raw(['source']);
    return {
      source: source.value === undefined ? null : parseActionAddress(source.value, read.at('source'), read.allowTemplates),
      destinations: destinations(read),
      ringMethod: read.oneOf(['ring_method'], ['ring_all', 'linear'] as const, 'ring_all'),
      earlyMedia: read.bool(['early_media'], false),
      relayReason: read.bool(['relay_reason'], false),
    };
  },
  variable_set: (read) => ({
    key: read.string(['key'], { max: MAX_ID, pattern: VARIABLE_NAME, expected: 'a variable name of letters, digits, _ . -' }),
    value: read.string(['value'], { max: MAX_TEXT, allowEmpty: true }, ''),
  }),
  recording_start: (read) => ({
    format: read.oneOf(['format'], ['wav', 'mp3', 'ogg'] as const, 'mp3'),
    direction: read.oneOf(['direction'], ['in', 'out', 'both'] as const, 'both'),
    channels: read.oneOf(['channels'], ['mixed', 'stereo'] as const, 'mixed'),
    endOfSilence: read.int(['end_of_silence'], { min: 0, max: 3600, unit: 's' }, 0),
    endOfKey: read.string(['end_of_key'], { max: 16, pattern: DTMF, expected: DTMF_EXPECTED, allowEmpty: true }, ''),
    duration: read.int(['duration'], { min: 0, max: 86_400, unit: 's' }, 0),
  }),
  recording_stop: () => ({}),
};

function streamUrls(read: OptionReader): string[] {
  const { value, name } = read.raw(['stream_urls']);
  const field = read.at(name);
  if (value === undefined) throw invalidArgument(field, 'is required');
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument(field, 'must be a non-empty list of http(s) URLs');
  if (value.length > MAX_STREAM_URLS) throw invalidArgument(field, `must hold at most ${MAX_STREAM_URLS} URLs`);
  return value.map((url, index) => read.checkString(url, `${field}[${index}]`, { max: 2048, pattern: HTTP_URL, expected: 'an http(s) URL' }));
}

function destinations(read: OptionReader) {
  const { value, name } = read.raw(['destinations']);
  const field = read.at(name);
  if (!Array.isArray(value) || value.length === 0) throw invalidArgument(field, 'at least one destination is required');
  if (value.length > MAX_DESTINATIONS) throw invalidArgument(field, `at most ${MAX_DESTINATIONS} destinations`);
  return value.map((destination, index) => parseActionAddress(destination, `${field}[${index}]`, read.allowTemplates));
}

function targetIds(read: OptionReader): Record<string, string> {
  const { value, name } = read.raw(['target_ids']);
  const field = read.at(name);
  if (value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(field, 'must be an object of value → action id');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 100) throw invalidArgument(field, 'must hold at most 100 values');
  return Object.fromEntries(
    entries.map(([key, id]) => {
      if (key.length === 0 || key.length > 100) throw invalidArgument(field, 'each value must be 1 to 100 characters');
      return [key, read.checkString(id, `${field}.${key}`, { max: MAX_ID })];
    }),
  );
}

function optionalId(read: OptionReader, name: string): string | null {
  const id = read.string([name], { max: MAX_ID, allowEmpty: true }, '');
  return id === '' ? null : id;
}
