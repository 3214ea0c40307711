import { readFileSync } from 'node:fs';
import { runInThisContext } from 'node:vm';
import type { PcmAudio } from './wav';

interface Mp3Encoder {
  encodeBuffer(left: Int16Array, right?: Int16Array): Int8Array;
  flush(): Int8Array;
}
type Lame = { Mp3Encoder: new (channels: number, sampleRate: number, kbps: number) => Mp3Encoder };

let lame: Lame | null = null;

/**
 * lamejs (pure JavaScript LAME). Its CommonJS entry is a browser IIFE that only declares a
 * global `lamejs`, so it is evaluated here, once, to get at the encoder (the package's
 * ES module build cannot be required from CommonJS).
 */
function lamejs(): Lame {
  lame ??= runInThisContext(`${readFileSync(require.resolve('@breezystack/lamejs'), 'utf8')}\n;lamejs`) as Lame;
  return lame;
}

/** Samples per call to the encoder: a multiple of the MPEG frame sizes. */
const CHUNK = 1152 * 8;

/** MP3 at a bitrate fit for telephone-band speech (VoIPBIN's ~128 KB/min at 8 kHz is 16 kbit/s per channel). */
export function encodeMp3(audio: PcmAudio): Buffer {
  const channels = audio.channels.length;
  const encoder = new (lamejs().Mp3Encoder)(channels, audio.sampleRate, channels === 2 ? 48 : 32);
  const [left, right] = audio.channels as [Int16Array, Int16Array | undefined];
  const out: Buffer[] = [];
  const bytes = (chunk: Int8Array) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let start = 0; start < left.length; start += CHUNK) {
    out.push(bytes(encoder.encodeBuffer(left.subarray(start, start + CHUNK), right?.subarray(start, start + CHUNK))));
  }
  out.push(bytes(encoder.flush()));
  return Buffer.concat(out);
}
