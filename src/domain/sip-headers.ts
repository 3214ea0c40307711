import { invalidArgument } from './errors';
import { fieldPath } from './json-input';

/** A provider's extra SIP headers: header name → value, sent on every INVITE through it. */
export type SipHeaders = Readonly<Record<string, string>>;

const MAX_HEADERS = 20;
const MAX_NAME = 64;
const MAX_VALUE = 500;
/** RFC 3261's `token` (25.1): what a header name is made of; no ",", ")" or spaces either. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
/** Control characters (CR and LF above all: a value with them would start a header of its own); tab is allowed. */
const hasControl = (text: string): boolean => [...text].some((char) => (char < ' ' && char !== '\t') || char === '\u007f');
/**
 * Headers the SIP stack writes itself: a second Via, From, Call-ID … would break the dialog, so
 * they are refused rather than sent (long and compact forms, compared without case).
 */
const STACK_HEADERS = new Set(
  ['via', 'v', 'from', 'f', 'to', 't', 'call-id', 'i', 'cseq', 'contact', 'm', 'max-forwards', 'content-length', 'l', 'content-type', 'c', 'route', 'record-route'],
);

/**
 * A provider's `tech_headers` as given: an object of at most 20 header names (RFC 3261 tokens,
 * not one of the headers the SIP stack writes) to text values without control characters.
 * Absent or null: none. 400 naming the field otherwise.
 */
export function parseSipHeaders(value: unknown, field = 'tech_headers'): SipHeaders {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(field, 'must be an object of SIP header names to text values');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_HEADERS) throw invalidArgument(field, `at most ${MAX_HEADERS} headers`);
  for (const [name, text] of entries) {
    const shown = JSON.stringify(name.slice(0, MAX_NAME));
    if (name.length > MAX_NAME || !TOKEN.test(name)) throw invalidArgument(field, `${shown} is not a SIP header name (letters, digits and - . ! % * _ + \` ' ~, at most ${MAX_NAME})`);
    if (STACK_HEADERS.has(name.toLowerCase())) throw invalidArgument(field, `${shown} is written by the SIP stack itself and cannot be set`);
    if (typeof text !== 'string' || text.length > MAX_VALUE) throw invalidArgument(fieldPath(field, name), `must be text of at most ${MAX_VALUE} characters`);
    if (hasControl(text)) throw invalidArgument(fieldPath(field, name), 'must not contain line breaks or other control characters');
  }
  return Object.fromEntries(entries) as Record<string, string>;
}
