/** How long media other than speech plays in the simulator (sound:, recording:, http(s): alike). */
export const PLAYBACK_MS = 200;

/**
 * What the simulator makes of a media URI. `tts:<text>` is speech (the product's simulator TTS
 * engine asks for it): it lasts longer the longer the text is, and the far end's record keeps the
 * text it heard. A URL whose host the simulator cannot reach (RFC 2606 `.invalid` names) fails
 * like Asterisk fails media it cannot fetch: PlaybackFinished with state `failed`.
 */
export interface MediaSource {
  durationMs: number;
  failed: boolean;
  /** The words heard, for speech. */
  text?: string;
}

export const TTS_PREFIX = 'tts:';
export const TTS_BASE_MS = 40;
export const TTS_MS_PER_CHARACTER = 2;

export function mediaSource(media: string): MediaSource {
  if (media.startsWith(TTS_PREFIX)) {
    const text = decodeURIComponent(media.slice(TTS_PREFIX.length));
    return { durationMs: TTS_BASE_MS + TTS_MS_PER_CHARACTER * text.length, failed: false, text };
  }
  const url = /^(?:sound:)?(https?:\/\/.*)$/i.exec(media)?.[1];
  if (url && unreachable(url)) return { durationMs: 0, failed: true };
  return { durationMs: PLAYBACK_MS, failed: false };
}

function unreachable(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'invalid' || host.endsWith('.invalid');
  } catch {
    return true;
  }
}
