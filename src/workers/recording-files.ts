import { encodeAudio } from '../audio/encode';
import { layOut, type DirectionTracks } from '../audio/layout';
import { decodeWav } from '../audio/wav';
import { ariRecordingName, type Recording } from '../domain/recording';
import type { RecordingVerbs } from '../telephony/recording-port';

/** Asterisk's wav: 8 kHz. A recording with no part on the media server is this long: nothing. */
const SAMPLE_RATE = 8000;

function delayed(track: Int16Array, samples: number): Int16Array {
  if (samples <= 0) return track;
  const out = new Int16Array(samples + track.length);
  out.set(track, samples);
  return out;
}

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
  const starts = Object.values(recording.partStartedAt).map((at) => at.getTime());
  const first = starts.length ? Math.min(...starts) : 0;
  for (const part of recording.parts) {
    const file = await media.fetchStoredRecording(ariRecordingName(recording.id, part));
    if (!file) continue;
    const audio = decodeWav(file);
    sampleRate = audio.sampleRate;
    // A part that started later (its snoop was made after the other's) starts later in the file.
    const lateMs = (recording.partStartedAt[part]?.getTime() ?? first) - first;
    tracks[part] = delayed(audio.channels[0] ?? new Int16Array(0), Math.round((lateMs * sampleRate) / 1000));
    found = true;
  }
  if (!found) return null;
  const audio = layOut(tracks, recording.channels, sampleRate);
  const frames = audio.channels[0]?.length ?? 0;
  return { content: encodeAudio(audio, recording.format), durationMs: Math.round((frames / sampleRate) * 1000) };
}
