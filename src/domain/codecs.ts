import { invalidArgument } from './errors';

/**
 * The audio codecs a provider may be offered, by the media server's (Asterisk's) format name.
 * VoIPBIN's documents write the SDP names ("PCMU,PCMA"), so those are accepted as aliases.
 */
const FORMAT_OF: Readonly<Record<string, string>> = {
  ulaw: 'ulaw',
  pcmu: 'ulaw',
  alaw: 'alaw',
  pcma: 'alaw',
  g722: 'g722',
  g729: 'g729',
  gsm: 'gsm',
  g726: 'g726',
  ilbc: 'ilbc',
  opus: 'opus',
  speex: 'speex',
  slin: 'slin',
  slin16: 'slin16',
};
const MAX_CODECS = 10;

const namesOf = (codecs: string): string[] => (codecs.trim() === '' ? [] : codecs.split(',').map((name) => name.trim()));

/**
 * A provider's `codecs` as given: '' (the media server's own negotiation) or a comma-separated
 * list of known codecs, each once ("ulaw,alaw", "PCMU, PCMA"). Kept as written; 400 naming the field otherwise.
 */
export function parseCodecs(value: unknown, field = 'codecs'): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > 200) throw invalidArgument(field, 'must be a comma-separated list of codecs such as "ulaw,alaw"');
  const formats = namesOf(value).map((name) => {
    const format = FORMAT_OF[name.toLowerCase()];
    if (!format) throw invalidArgument(field, `${JSON.stringify(name.slice(0, 32))} is not a known codec (known: ${Object.keys(FORMAT_OF).join(', ')})`);
    return format;
  });
  if (formats.length > MAX_CODECS) throw invalidArgument(field, `at most ${MAX_CODECS} codecs`);
  if (new Set(formats).size !== formats.length) throw invalidArgument(field, 'names a codec twice');
  return value;
}

/** The media server's format list of stored codecs ("PCMU,alaw" → "ulaw,alaw"); '' for none (its own negotiation). */
export const mediaFormatsOf = (codecs: string): string =>
  namesOf(codecs)
    .map((name) => FORMAT_OF[name.toLowerCase()] ?? name)
    .join(',');
