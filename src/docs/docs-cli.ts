import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderFlowActionsDoc } from './flow-actions-doc';

/** `npm run docs:generate`: rewrites the generated reference pages in docs/. */
const root = path.resolve(__dirname, '..', '..', '..');
const target = path.join(root, 'docs', 'flow-actions.md');
writeFileSync(target, renderFlowActionsDoc());
console.log(`wrote ${path.relative(root, target)}`);
