/** What a simulated recording hears: the far end's voice (in), what it is played (out), or both. */
export type RecordedVoice = 'in' | 'out' | 'both';

/** Asterisk's `wav` format: signed linear 16-bit, 8 kHz, mono. */
const SAMPLE_RATE = 8000;
const HEADER_BYTES = 44;
/** Each direction is a tone of its own, so a listener (or a test) can tell them apart. */
const TONE_HZ: Readonly<Record<'in' | 'out', number>> = { in: 440, out: 660 };
const AMPLITUDE = 6000;

/** A real WAV file of `durationMs` of the direction's tone, as Asterisk would have stored it. */
export function recordingWav(durationMs: number, voice: RecordedVoice): Buffer {
  const frames = Math.round((durationMs * SAMPLE_RATE) / 1000);
  const out = Buffer.alloc(HEADER_BYTES + frames * 2);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(36 + frames * 2, 4);
  out.write('WAVEfmt ', 8, 'ascii');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(SAMPLE_RATE, 24);
  out.writeUInt32LE(SAMPLE_RATE * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36, 'ascii');
  out.writeUInt32LE(frames * 2, 40);
  const tones = voice === 'both' ? [TONE_HZ.in, TONE_HZ.out] : [TONE_HZ[voice]];
  for (let i = 0; i < frames; i++) {
    let sample = 0;
    for (const hz of tones) sample += AMPLITUDE * Math.sin((2 * Math.PI * hz * i) / SAMPLE_RATE);
    out.writeInt16LE(Math.round(sample), HEADER_BYTES + i * 2);
  }
  return out;
}
