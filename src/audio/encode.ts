import { encodeWav, type PcmAudio } from './wav';

export type AudioFormat = 'wav' | 'mp3' | 'ogg';

/** The recording's file in its format. */
export function encodeAudio(audio: PcmAudio, format: AudioFormat): Buffer {
  switch (format) {
    case 'wav':
      return encodeWav(audio);
    default:
      throw new Error(`no encoder for ${format}`);
  }
}
