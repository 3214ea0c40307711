import { badRequest } from './sim-error';

/** The audio formats of Asterisk 22's format cache (core codecs): what `formats` may name. */
const KNOWN_FORMATS = new Set([
  'ulaw', 'alaw', 'gsm', 'g722', 'g723', 'g726', 'g726aal2', 'g729', 'g719', 'adpcm', 'ilbc', 'lpc10', 'opus', 'silk', 'codec2', 'siren7', 'siren14', 'speex', 'speex16', 'speex32', 'testlaw',
  'slin', 'slin12', 'slin16', 'slin24', 'slin32', 'slin44', 'slin48', 'slin96', 'slin192',
]);

/**
 * The `formats` of channels/create and originate ("ulaw,alaw"), as Asterisk reads it: each name
 * must be a known format (400 "Provided format (x) was not found"), and not with `originator`.
 * Answers the list as given, or null when none was given.
 */
export function requestedFormats(formats: string | undefined, originator: string | undefined): string | null {
  if (formats === undefined) return null;
  if (originator !== undefined) throw badRequest('Originator and formats can\'t both be specified');
  for (const name of formats.split(',').map((part) => part.trim())) {
    if (!KNOWN_FORMATS.has(name)) throw badRequest(`Provided format (${name}) was not found`);
  }
  return formats;
}
