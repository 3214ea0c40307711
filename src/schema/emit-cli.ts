import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildApiSchema } from './build-schema';

/** Writes the SDL (or, with --check, fails when the committed one differs from the code's). */
async function main(): Promise<void> {
  const target = path.resolve(process.cwd(), 'src/schema/schema.graphql');
  const sdl = `${printSchema(lexicographicSortSchema(await buildApiSchema()))}\n`;
  if (process.argv.includes('--check')) {
    const committed = await readFile(target, 'utf8').catch(() => '');
    if (committed !== sdl) {
      console.error('src/schema/schema.graphql is out of date: run `npm run schema:emit` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is current');
    return;
  }
  await writeFile(target, sdl);
  console.log(`wrote ${target}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
