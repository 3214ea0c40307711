// Decodes an MP3 or Ogg Opus file with real decoders (mpg123 and libopus, as WebAssembly) and
// prints what came out: channel count, sample rate, samples per channel, decode errors. The
// decoders are ES modules, which Jest's CommonJS tests cannot load, so tests run this script.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { MPEGDecoder } from 'mpg123-decoder';
import { OggOpusDecoder } from 'ogg-opus-decoder';

const [format, path] = process.argv.slice(2);
const bytes = new Uint8Array(readFileSync(path));

/**
 * mpg123 here always outputs two channels, so an MP3's own channel count is read from its first
 * frame header (channel mode 3 is mono), as players do.
 */
function mp3StreamChannels() {
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0xff && (bytes[i + 1] & 0xe0) === 0xe0) return (bytes[i + 3] >> 6) === 3 ? 1 : 2;
  }
  return 0;
}
const decoder = format === 'mp3' ? new MPEGDecoder() : new OggOpusDecoder();
await decoder.ready;
const result = format === 'mp3' ? decoder.decode(bytes) : await decoder.decodeFile(bytes);
process.stdout.write(JSON.stringify({
  channels: format === 'mp3' ? mp3StreamChannels() : result.channelData.length,
  sampleRate: result.sampleRate,
  samples: result.samplesDecoded,
  errors: result.errors.length,
}));
decoder.free();
