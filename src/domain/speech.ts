import { invalidArgument } from './errors';
import { containsNul } from './text';

/** Text and language of speech: the flow's talk action and talk on a live call share these rules. */
export interface SpeechRequest {
  text: string;
  language: string;
}

/** At most this many characters of text are spoken in one request (VoIPBIN's talk sets no limit). */
export const SPEECH_TEXT_MAX = 10_000;
export const SPEECH_LANGUAGE_MAX = 35;
export const DEFAULT_SPEECH_LANGUAGE = 'en-US';
/** A BCP 47 style tag: en, en-US, cmn-Hans-CN. */
export const SPEECH_LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const SPEECH_LANGUAGE_EXPECTED = 'a language tag such as en-US';

/** Talk on a live call: text is required (not blank), language defaults to en-US. */
export function parseSpeech(input: { text?: unknown; language?: unknown }): SpeechRequest {
  const { text, language } = input;
  if (text === undefined || text === null) throw invalidArgument('text', 'is required');
  if (typeof text !== 'string') throw invalidArgument('text', 'must be a string');
  if (text.trim() === '') throw invalidArgument('text', 'must not be empty');
  if (text.length > SPEECH_TEXT_MAX) throw invalidArgument('text', `must be at most ${SPEECH_TEXT_MAX} characters`);
  if (containsNul(text)) throw invalidArgument('text', 'must not contain NUL characters');
  return { text, language: parseLanguage(language) };
}

function parseLanguage(value: unknown): string {
  if (value === undefined || value === null || value === '') return DEFAULT_SPEECH_LANGUAGE;
  if (typeof value !== 'string' || value.length > SPEECH_LANGUAGE_MAX || !SPEECH_LANGUAGE.test(value)) {
    throw invalidArgument('language', `must be ${SPEECH_LANGUAGE_EXPECTED}`);
  }
  return value;
}
