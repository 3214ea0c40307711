import type { PcmAudio } from './wav';

export type ChannelLayout = 'mixed' | 'stereo';

/** The recorded directions of a call, each mono (one snoop channel each); absent: not recorded. */
export interface DirectionTracks {
  in: Int16Array | null;
  out: Int16Array | null;
}

const clamp = (value: number): number => Math.max(-32768, Math.min(32767, value));

/**
 * Lays the directions out as asked: stereo puts in on the left and out on the right (silence for
 * a direction not recorded), mixed sums them into one channel. Tracks of slightly different
 * lengths (their recordings stopped a few ms apart) are padded with silence.
 */
export function layOut(tracks: DirectionTracks, layout: ChannelLayout, sampleRate: number): PcmAudio {
  const length = Math.max(tracks.in?.length ?? 0, tracks.out?.length ?? 0);
  const padded = (track: Int16Array | null): Int16Array => {
    const out = new Int16Array(length);
    if (track) out.set(track);
    return out;
  };
  const left = padded(tracks.in);
  const right = padded(tracks.out);
  if (layout === 'stereo') return { sampleRate, channels: [left, right] };
  const mixed = new Int16Array(length);
  for (let i = 0; i < length; i++) mixed[i] = clamp((left[i] as number) + (right[i] as number));
  return { sampleRate, channels: [mixed] };
}
