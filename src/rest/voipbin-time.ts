/** VoIPBIN's timestamps: `2006-01-02 15:04:05.000000` in UTC, and a far-future one for "not yet". */
export const NOT_YET = '9999-01-01 00:00:00.000000';

const pad = (value: number | bigint, width: number): string => value.toString().padStart(width, '0');

export function formatTime(date: Date | null): string {
  if (date === null || Number.isNaN(date.getTime())) return NOT_YET;
  const iso = date.toISOString(); // 2006-01-02T15:04:05.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

/** Microseconds since the epoch, at full precision (a Date would drop the last three digits). */
export function formatMicros(micros: bigint): string {
  const millis = micros >= 0n ? micros / 1000n : (micros - 999n) / 1000n; // floor
  const base = formatTime(new Date(Number(millis)));
  return `${base.slice(0, 23)}${pad(micros - millis * 1000n, 3)}`;
}

// Also the ISO-looking `2006-01-02T15:04:05.000000Z` that some VoIPBIN versions hand out.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z?$/;

/** Microseconds since the epoch of a VoIPBIN timestamp; null when it is not one. */
export function parseTimestamp(text: string): bigint | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(millis);
  // Date.UTC rolls 2021-02-30 over to March: a real timestamp survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  const nanos = BigInt((match[7] ?? '').padEnd(9, '0'));
  // Rounded up, so "strictly older than the token" keeps a row stored a few nanoseconds before it.
  const micros = (nanos + 999n) / 1000n;
  return BigInt(millis) * 1000n + micros;
}
