import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_DOCUMENT } from '../src/rest/openapi/document';
import type { Json } from './support/rest';
import { requestDifferences, responseDifferences } from './support/schema-compat';

/**
 * Where our document and VoIPBIN's published one describe the same operation, ours must be
 * compatible: the request fields VoIPBIN's clients send are accepted, the success status is the
 * same, and every answer field VoIPBIN's clients read is there with a JSON type they decode. Each
 * deliberate difference is listed, with its reason, in docs/voipbin-differences.md; the list must
 * be exactly the differences there are.
 */
const voipbin = JSON.parse(readFileSync(join(__dirname, 'fixtures/voipbin-openapi/voipbin-openapi.json'), 'utf8')) as Json;
const ours = OPENAPI_DOCUMENT as unknown as Json;
const DIFFERENCES_DOC = join(__dirname, '../docs/voipbin-differences.md');

/** The differences docs/voipbin-differences.md lists: each table row's first cell, in backticks. */
function documentedDifferences(): string[] {
  return readFileSync(DIFFERENCES_DOC, 'utf8')
    .split('\n')
    .map((line) => /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1])
    .filter((key): key is string => key !== undefined);
}

const successOf = (responses: Json): [string, Json] | undefined => Object.entries(responses).find(([status]) => /^[23]/.test(status)) as [string, Json] | undefined;
const jsonSchema = (container: Json | undefined): Json | undefined => container?.content?.['application/json']?.schema as Json | undefined;

function differences(): string[] {
  const found: string[] = [];
  for (const [path, methods] of Object.entries(voipbin.paths as Json)) {
    for (const [method, theirs] of Object.entries(methods as Json)) {
      const key = `${method.toUpperCase()} ${path}`;
      const mine = (ours.paths as Json)[path]?.[method] as Json | undefined;
      if (!mine) {
        found.push(`route ${key}`);
        continue;
      }
      const theirBody = jsonSchema((theirs as Json).requestBody);
      if (theirBody) {
        const myBody = jsonSchema(mine.requestBody);
        found.push(...requestDifferences({ schema: theirBody, root: voipbin }, myBody ? { schema: myBody, root: ours } : null, key));
      }
      const [theirStatus, theirAnswer] = successOf((theirs as Json).responses as Json) ?? [];
      const [myStatus, myAnswer] = successOf(mine.responses as Json) ?? [];
      if (theirStatus !== myStatus) found.push(`status ${key}: ${myStatus} where VoIPBIN has ${theirStatus}`);
      const theirSchema = jsonSchema(theirAnswer);
      const mySchema = jsonSchema(myAnswer);
      // VoIPBIN's 307 describes its Location as a JSON string; the redirect carries no body.
      if (theirSchema && theirStatus !== '307') {
        if (!mySchema) found.push(`body ${key}: none where VoIPBIN has one`);
        else found.push(...responseDifferences({ schema: theirSchema, root: voipbin }, { schema: mySchema, root: ours }, `${key} answer`));
      }
    }
  }
  return [...new Set(found)];
}

describe('our OpenAPI document against VoIPBIN\'s', () => {
  const found = differences();

  it('shares the operations VoIPBIN\'s clients call', () => {
    expect(Object.keys(voipbin.paths as Json).length).toBeGreaterThan(25);
    expect(found.filter((difference) => difference.startsWith('route ') || difference.startsWith('status '))).toEqual(
      documentedDifferences().filter((difference) => difference.startsWith('route ') || difference.startsWith('status ')),
    );
  });

  it('differs from it only where docs/voipbin-differences.md says so, with the reason', () => {
    const documented = documentedDifferences();
    expect(found.filter((difference) => !documented.includes(difference))).toEqual([]);
    expect(documented.filter((difference) => !found.includes(difference))).toEqual([]);
  });

  it('catches a field VoIPBIN\'s clients read that our answer lacks, and a type they cannot decode', () => {
    const theirs = { schema: { type: 'object', properties: { id: { type: 'string' }, duration: { type: 'integer' }, hold: { type: 'boolean' } } }, root: {} };
    const mine = { schema: { type: 'object', properties: { id: { type: 'string' }, duration: { type: 'number' } } }, root: {} };
    expect(responseDifferences(theirs, mine, 'answer')).toEqual(['type answer.duration: number where VoIPBIN has integer', 'missing answer.hold']);
    expect(requestDifferences({ schema: { type: 'object', properties: { anonymous: { type: 'string' } } }, root: {} }, { schema: { type: 'object', properties: {} }, root: {} }, 'POST /x')).toEqual(['request POST /x anonymous']);
  });
});
