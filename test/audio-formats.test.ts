import { decodeAudio } from './support/decode-audio';
import { encodeAudio } from '../src/audio/encode';
import { decodeWav, wavInfo } from '../src/audio/wav';
import type { PcmAudio } from '../src/audio/wav';

const tone = (seconds: number, hz: number): Int16Array => {
  const samples = new Int16Array(Math.round(seconds * 8000));
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(6000 * Math.sin((2 * Math.PI * hz * i) / 8000));
  return samples;
};

const mono: PcmAudio = { sampleRate: 8000, channels: [tone(2, 440)] };
const stereo: PcmAudio = { sampleRate: 8000, channels: [tone(2, 440), tone(2, 660)] };

describe('encodeAudio', () => {
  it('writes WAV that reads back sample for sample', () => {
    const file = encodeAudio(stereo, 'wav');
    expect(wavInfo(file)).toEqual({ sampleRate: 8000, channelCount: 2, bitsPerSample: 16, dataBytes: 64000, durationMs: 2000 });
    expect(decodeWav(file).channels).toEqual(stereo.channels);
  });

  it.each([
    ['mp3', mono, 1],
    ['mp3', stereo, 2],
    ['ogg', mono, 1],
    ['ogg', stereo, 2],
  ] as const)('writes %s that a real decoder reads: %#', async (format, audio, channels) => {
    const decoded = await decodeAudio(format, encodeAudio(audio, format));
    expect(decoded.errors).toBe(0);
    expect(decoded.channels).toBe(channels);
    expect(Math.abs(decoded.durationMs - 2000)).toBeLessThanOrEqual(200);
  });
});
