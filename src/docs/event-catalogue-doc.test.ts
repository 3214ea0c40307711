import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_NAMES } from '../domain/events/event-types';
import { renderEventCatalogueDoc } from './event-catalogue-doc';

describe('docs/events.md', () => {
  it('is what the event-type table makes of it now (run `npm run docs:generate` after changing an event)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');
    expect(committed).toBe(renderEventCatalogueDoc());
  });

  it('has a row for every emitted event, with its resource and VoIPBIN’s names for it', () => {
    const doc = renderEventCatalogueDoc();
    for (const event of EVENT_NAMES) expect(doc).toMatch(new RegExp(`^\\| \`${event}\` \\| [a-z]+ \\| .+ \\|`, 'm'));
    expect(doc).toMatch(/^\| `call_answered` \| call \| .+ \| `call_progressing` \|$/m);
    expect(doc).toContain('`call_terminating` (when the call is terminating)');
  });
});
