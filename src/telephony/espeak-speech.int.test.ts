import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { espeakSpeech } from './espeak-speech';

/** Runs where Debian's espeak-ng and sox are installed (apt-get install espeak-ng sox). */
const installed = (tool: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`]);
    return true;
  } catch {
    return false;
  }
};
const describeWithEspeak = installed('espeak-ng') && installed('sox') ? describe : describe.skip;

describeWithEspeak('espeak-ng speech for Asterisk', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'opencall-tts-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  test('synthesizes an 8 kHz mono WAV that Asterisk plays as sound:<prefix>/<name>, once per text and language', async () => {
    const speech = espeakSpeech({ directory, soundPrefix: 'opencall-tts' });
    const media = await speech.mediaFor('hello. welcome to voipbin.', 'en-US');
    const name = /^sound:opencall-tts\/([0-9a-f]{32})$/.exec(media)?.[1];
    expect(name).toBeDefined();
    const file = path.join(directory, `${name}.wav`);
    expect(execFileSync('soxi', ['-r', file]).toString().trim()).toBe('8000');
    expect(execFileSync('soxi', ['-c', file]).toString().trim()).toBe('1');
    expect(Number(execFileSync('soxi', ['-D', file]).toString())).toBeGreaterThan(0.5);

    const written = statSync(file).mtimeMs;
    expect(await speech.mediaFor('hello. welcome to voipbin.', 'en-US')).toBe(media);
    expect(statSync(file).mtimeMs).toBe(written);
    expect(await speech.mediaFor('hello. welcome to voipbin.', 'de-DE')).not.toBe(media);
    expect(readdirSync(directory).sort()).toHaveLength(2); // no temporary files left
  });
});
