import { encodeAudio } from '../audio/encode';
import { layOut, type DirectionTracks } from '../audio/layout';
import { decodeWav } from '../audio/wav';
import { ariRecordingName, type Recording } from '../domain/recording';
import type { RecordingVerbs } from '../telephony/recording-port';

/** Asterisk's wav: 8 kHz. A recording with no part on the media server is this long: nothing. */
const SAMPLE_RATE = 8000;

/** Where the product keeps a recording's file. */
export const storageKeyOf = (recording: Pick<Recording, 'id' | 'customerId' | 'format'>): string => `${recording.customerId}/${recording.id}.${recording.format}`;

/**
 * The recording's file: each direction's WAV fetched from the media server, laid out as asked
 * (stereo: in left, out right; mixed: one channel) and encoded in the recording's format.
 * Answers null when the media server has no part at all.
 */
export async function buildRecordingFile(recording: Recording, media: Pick<RecordingVerbs, 'fetchStoredRecording'>): Promise<{ content: Buffer; durationMs: number } | null> {
  const tracks: DirectionTracks = { in: null, out: null };
  let sampleRate = SAMPLE_RATE;
  let found = false;
  for (const part of recording.parts) {
    const file = await media.fetchStoredRecording(ariRecordingName(recording.id, part));
    if (!file) continue;
    const audio = decodeWav(file);
    sampleRate = audio.sampleRate;
    tracks[part] = audio.channels[0] ?? new Int16Array(0);
    found = true;
  }
  if (!found) return null;
  const audio = layOut(tracks, recording.channels, sampleRate);
  const frames = audio.channels[0]?.length ?? 0;
  return { content: encodeAudio(audio, recording.format), durationMs: Math.round((frames / sampleRate) * 1000) };
}
