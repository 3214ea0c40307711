import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventCatalogueDoc } from './event-catalogue-doc';
import { renderFlowActionsDoc } from './flow-actions-doc';

/** `npm run docs:generate`: rewrites the generated reference pages in docs/. */
const root = path.resolve(__dirname, '..', '..', '..');
const pages: Record<string, () => string> = { 'flow-actions.md': renderFlowActionsDoc, 'events.md': renderEventCatalogueDoc };
for (const [name, render] of Object.entries(pages)) {
  const target = path.join(root, 'docs', name);
  writeFileSync(target, render());
  console.log(`wrote ${path.relative(root, target)}`);
}
