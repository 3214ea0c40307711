import OpusScript from 'opusscript';
import { writeOggStream, type OggPage } from './ogg-pages';
import type { PcmAudio } from './wav';

/** Opus in Ogg (RFC 7845): VoIPBIN's OGG format is Opus. */
const FRAME_MS = 20;
/** Granule positions count 48 kHz samples whatever the input rate. */
const GRANULE_RATE = 48_000;
/** libopus's encoder lookahead (2.5 ms + 4 ms) at 48 kHz: what the decoder drops first. */
const PRE_SKIP = 312;
const PACKETS_PER_PAGE = 50;

function opusHead(channels: number, inputRate: number): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8);
  head.writeUInt8(channels, 9);
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(inputRate, 12);
  head.writeInt16LE(0, 16);
  head.writeUInt8(0, 18); // mapping family 0: mono or stereo
  return head;
}

function opusTags(): Buffer {
  const vendor = Buffer.from('opencall (libopus via opusscript)');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  return tags;
}

type OpusRate = 8000 | 12000 | 16000 | 24000 | 48000;

/** Ogg Opus of 16-bit PCM at a rate Opus takes (Asterisk's 8 kHz is one). */
export function encodeOggOpus(audio: PcmAudio, serial = 1): Buffer {
  const rate = audio.sampleRate as OpusRate;
  if (![8000, 12000, 16000, 24000, 48000].includes(rate)) throw new Error(`Opus cannot encode ${audio.sampleRate} Hz`);
  const channels = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const frameSize = (rate * FRAME_MS) / 1000;
  const perSample = GRANULE_RATE / rate;
  const encoder = new OpusScript(rate, channels, OpusScript.Application.AUDIO);
  const pages: OggPage[] = [
    { packets: [opusHead(channels, rate)], granule: 0n, bos: true },
    { packets: [opusTags()], granule: 0n },
  ];
  try {
    let packets: Buffer[] = [];
    for (let start = 0; start < frames || start === 0; start += frameSize) {
      const pcm = Buffer.alloc(frameSize * channels * 2); // the last frame is padded with silence
      for (let i = 0; i < frameSize && start + i < frames; i++) {
        for (let c = 0; c < channels; c++) pcm.writeInt16LE((audio.channels[c] as Int16Array)[start + i] as number, (i * channels + c) * 2);
      }
      packets.push(Buffer.from(encoder.encode(pcm, frameSize)));
      const last = start + frameSize >= frames;
      if (packets.length === PACKETS_PER_PAGE || last) {
        // The end granule of the last page trims the padding of the last frame.
        const endSample = Math.min(start + frameSize, frames);
        pages.push({ packets, granule: BigInt(PRE_SKIP + endSample * perSample), eos: last });
        packets = [];
      }
      if (last) break;
    }
  } finally {
    encoder.delete();
  }
  return writeOggStream(pages, serial);
}
