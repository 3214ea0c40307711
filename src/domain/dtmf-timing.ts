/**
 * How long a DTMF string takes to play on Asterisk (trace dtmf-send-timing): `POST
 * /channels/{id}/dtmf` answers at once, then Asterisk keeps a quiet 100 ms and sends each digit
 * for its duration with the interval after it; an interval of 0 is Asterisk's default 100 ms.
 * 12 digits of 100 ms with 100 ms between take 100 + 12 × 200 = 2 500 ms.
 */
export const DTMF_QUIET_MS = 100;
const ASTERISK_DEFAULT_INTERVAL_MS = 100;

export interface DtmfString {
  digits: string;
  durationMs: number;
  intervalMs: number;
}

export function dtmfPlayoutMs({ digits, durationMs, intervalMs }: DtmfString): number {
  const interval = intervalMs > 0 ? intervalMs : ASTERISK_DEFAULT_INTERVAL_MS;
  return DTMF_QUIET_MS + digits.length * (durationMs + interval);
}
