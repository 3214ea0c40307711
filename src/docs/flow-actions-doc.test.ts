import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FLOW_ACTION_TYPES } from '../domain/flow/action-types';
import { renderFlowActionsDoc } from './flow-actions-doc';

describe('docs/flow-actions.md', () => {
  it('is what the parser’s table makes of it now (run `npm run docs:generate` after changing an action)', () => {
    const committed = readFileSync(path.join(__dirname, '..', '..', 'docs', 'flow-actions.md'), 'utf8');
    expect(committed).toBe(renderFlowActionsDoc());
  });

  it('has a section for every action type, with options, defaults and limits read from the parser', () => {
    const doc = renderFlowActionsDoc();
    for (const type of FLOW_ACTION_TYPES) expect(doc).toContain(`## \`${type}\``);
    expect(doc).toContain('| `digits` (also `dtmfs`) | string | required |');
    expect(doc).toMatch(/\| `duration` \| integer \(ms\) \| default 250 \| 100–1000 \|/);
    expect(doc).toContain('| `format` | one of | default "mp3" | "wav", "mp3", "ogg" |');
    expect(doc).toContain('Also spelled `dtmf_send`.');
  });
});
