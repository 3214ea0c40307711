import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';

const root = path.join(__dirname, '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** .env.example lists every setting src/config.ts reads, with values the configuration takes. */
describe('.env.example', () => {
  const listed = new Map(
    read('.env.example')
      .split('\n')
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );

  it('names every variable loadConfig reads, and nothing else', () => {
    const read_ = new Set([...read('src/config.ts').matchAll(/env\.([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!));
    expect([...listed.keys()].sort()).toEqual([...read_].sort());
  });

  it('holds values the configuration accepts', () => {
    expect(() => loadConfig(Object.fromEntries(listed))).not.toThrow();
  });
});
