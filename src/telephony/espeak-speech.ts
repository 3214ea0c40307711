import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TextToSpeech } from './text-to-speech';

const run = promisify(execFile);
const SYNTHESIS_TIMEOUT_MS = 20_000;

export interface EspeakSettings {
  /** A directory inside Asterisk's sounds directory, e.g. /var/lib/asterisk/sounds/opencall-tts. */
  directory: string;
  /** How Asterisk names that directory in `sound:` URIs, e.g. `opencall-tts`. */
  soundPrefix: string;
}

/**
 * Speech for a real Asterisk: espeak-ng (Debian's espeak-ng package) speaks the text into a WAV
 * file, sox makes it 8 kHz mono (what Asterisk's wav format plays), and the product plays
 * `sound:<prefix>/<hash>`. The same text and language reuse the same file.
 */
export function espeakSpeech(settings: EspeakSettings): TextToSpeech {
  return {
    async mediaFor(text, language) {
      const name = createHash('sha256').update(`${language}\n${text}`).digest('hex').slice(0, 32);
      const file = path.join(settings.directory, `${name}.wav`);
      const exists = await access(file).then(() => true, () => false);
      if (!exists) {
        await mkdir(settings.directory, { recursive: true });
        const raw = `${file}.${process.pid}.raw.wav`;
        const voice = language.toLowerCase().split('-')[0] || 'en';
        await run('espeak-ng', ['-v', voice, '-w', raw, '--', text], { timeout: SYNTHESIS_TIMEOUT_MS });
        const converted = `${file}.${process.pid}.wav`;
        await run('sox', [raw, '-r', '8000', '-c', '1', '-b', '16', converted], { timeout: SYNTHESIS_TIMEOUT_MS });
        await rename(converted, file);
        await rm(raw, { force: true });
      }
      return `sound:${settings.soundPrefix}/${name}`;
    },
  };
}
