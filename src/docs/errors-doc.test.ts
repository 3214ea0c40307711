import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_TABLE } from '../domain/errors';

/** docs/errors.md names every code of the one error table, so a new code cannot go undocumented. */
it('docs/errors.md lists every error code', () => {
  const doc = readFileSync(join(__dirname, '../../docs/errors.md'), 'utf8');
  expect(Object.keys(ERROR_TABLE).filter((code) => !doc.includes(`\`${code}\``))).toEqual([]);
});
