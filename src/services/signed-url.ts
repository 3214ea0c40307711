import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a download URL works: VoIPBIN's signed URLs expire after an hour. */
export const DOWNLOAD_URL_TTL_SECONDS = 3600;

export interface SignedDownload {
  expires: number;
  signature: string;
}

/**
 * Download URLs signed with a server secret (HMAC-SHA256 over the recording id and the expiry):
 * they work without other credentials until they expire, and any change to them breaks the
 * signature.
 */
export function createDownloadSigner(secret: string, ttlSeconds = DOWNLOAD_URL_TTL_SECONDS) {
  const signatureOf = (recordingId: string, expires: number): string =>
    createHmac('sha256', secret).update(`recording-file:${recordingId}:${expires}`).digest('base64url');

  return {
    /** `now` is the clock of the signature; tests pass a past one to get an expired URL. */
    sign(recordingId: string, now: Date = new Date()): SignedDownload {
      const expires = Math.floor(now.getTime() / 1000) + ttlSeconds;
      return { expires, signature: signatureOf(recordingId, expires) };
    },

    /** True only for an untampered signature that has not expired at `now`. */
    verify(recordingId: string, expires: unknown, signature: unknown, now: Date = new Date()): boolean {
      if (typeof expires !== 'string' || !/^[0-9]{1,12}$/.test(expires) || typeof signature !== 'string') return false;
      const expected = Buffer.from(signatureOf(recordingId, Number(expires)));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
      return Number(expires) > now.getTime() / 1000;
    },
  };
}

export type DownloadSigner = ReturnType<typeof createDownloadSigner>;
