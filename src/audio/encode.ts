import { encodeMp3 } from './mp3';
import { encodeOggOpus } from './ogg-opus';
import { encodeWav, type PcmAudio } from './wav';

export type AudioFormat = 'wav' | 'mp3' | 'ogg';

/** The recording's file in its format. */
export function encodeAudio(audio: PcmAudio, format: AudioFormat): Buffer {
  switch (format) {
    case 'wav':
      return encodeWav(audio);
    case 'mp3':
      return encodeMp3(audio);
    case 'ogg':
      return encodeOggOpus(audio);
  }
}
