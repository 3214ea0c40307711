/** 16-bit PCM audio, one Int16Array per channel, all of the same length. */
export interface PcmAudio {
  sampleRate: number;
  channels: Int16Array[];
}

/** The fields of a WAV file's header this product reads (and tests check). */
export interface WavInfo {
  sampleRate: number;
  channelCount: number;
  bitsPerSample: number;
  dataBytes: number;
  durationMs: number;
}

const HEADER_BYTES = 44;

/** A RIFF/WAVE file of 16-bit PCM. */
export function encodeWav(audio: PcmAudio): Buffer {
  const channelCount = audio.channels.length;
  const frames = audio.channels[0]?.length ?? 0;
  const dataBytes = frames * channelCount * 2;
  const out = Buffer.alloc(HEADER_BYTES + dataBytes);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + dataBytes, 4);
  out.write('WAVE', 8, 'ascii');
  out.write('fmt ', 12, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20); // PCM
  out.writeUInt16LE(channelCount, 22);
  out.writeUInt32LE(audio.sampleRate, 24);
  out.writeUInt32LE(audio.sampleRate * channelCount * 2, 28);
  out.writeUInt16LE(channelCount * 2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(dataBytes, 40);
  let offset = HEADER_BYTES;
  for (let frame = 0; frame < frames; frame++) {
    for (const channel of audio.channels) {
      out.writeInt16LE(channel[frame] ?? 0, offset);
      offset += 2;
    }
  }
  return out;
}

interface Chunks {
  fmt: Buffer;
  data: Buffer;
}

function chunksOf(file: Buffer): Chunks {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let fmt: Buffer | null = null;
  let data: Buffer | null = null;
  for (let offset = 12; offset + 8 <= file.length; ) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = file.subarray(offset + 8, Math.min(file.length, offset + 8 + size));
    if (id === 'fmt ') fmt = body;
    if (id === 'data') data = body;
    offset += 8 + size + (size % 2); // chunks are padded to even sizes
  }
  if (!fmt || !data) throw new Error('WAVE file without fmt or data chunk');
  return { fmt, data };
}

export function wavInfo(file: Buffer): WavInfo {
  const { fmt, data } = chunksOf(file);
  const channelCount = fmt.readUInt16LE(2);
  const sampleRate = fmt.readUInt32LE(4);
  const bitsPerSample = fmt.readUInt16LE(14);
  const bytesPerFrame = channelCount * (bitsPerSample / 8);
  return { sampleRate, channelCount, bitsPerSample, dataBytes: data.length, durationMs: Math.round((data.length / bytesPerFrame / sampleRate) * 1000) };
}

/** Reads a 16-bit PCM WAV file (what Asterisk's `wav` format is: 8 kHz mono slin). */
export function decodeWav(file: Buffer): PcmAudio {
  const { fmt, data } = chunksOf(file);
  if (fmt.readUInt16LE(0) !== 1 || fmt.readUInt16LE(14) !== 16) throw new Error('only 16-bit PCM WAV is supported');
  const channelCount = fmt.readUInt16LE(2);
  const frames = Math.floor(data.length / (channelCount * 2));
  const channels = Array.from({ length: channelCount }, () => new Int16Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < channelCount; c++) (channels[c] as Int16Array)[frame] = data.readInt16LE((frame * channelCount + c) * 2);
  }
  return { sampleRate: fmt.readUInt32LE(4), channels };
}
