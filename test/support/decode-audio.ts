import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface Decoded {
  channels: number;
  sampleRate: number;
  samples: number;
  errors: number;
  durationMs: number;
}

/** Decodes MP3 or Ogg Opus with real decoders (see decode-audio-cli.mjs). */
export async function decodeAudio(format: 'mp3' | 'ogg', content: Buffer): Promise<Decoded> {
  const dir = await mkdtemp(join(tmpdir(), 'opencall-decode-'));
  try {
    const file = join(dir, `audio.${format}`);
    await writeFile(file, content);
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'decode-audio-cli.mjs'), format, file]);
    const decoded = JSON.parse(stdout) as Omit<Decoded, 'durationMs'>;
    return { ...decoded, durationMs: Math.round((decoded.samples / decoded.sampleRate) * 1000) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
