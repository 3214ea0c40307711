import { E164 } from './address';

/**
 * The number an incoming call was made to, as the numbers table holds it (E.164). Carriers often
 * deliver it without the '+' (`15558880001`); a SIP URI's user part may carry it (`+1555…@host`).
 * Null when it cannot be a phone number at all.
 */
export function normalizeCalledNumber(raw: string): string | null {
  const user = raw.trim().replace(/^sips?:/i, '').split('@')[0] ?? '';
  const number = /^[0-9]+$/.test(user) ? `+${user}` : user;
  return E164.test(number) ? number : null;
}
