import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OPENAPI_DOCUMENT } from './document';
import { TIMESTAMP_PATTERN } from './schema-kit';

const ajv = addFormats(new Ajv2020({ strict: false }));
ajv.addSchema({ $id: 'doc', components: OPENAPI_DOCUMENT.components }, 'doc');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const operations = Object.entries(OPENAPI_DOCUMENT.paths as Record<string, Json>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ path, method, op: op as Json })),
);
const withDoc = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as Json;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and states the timestamp form', () => {
    expect(OPENAPI_DOCUMENT.openapi).toBe('3.1.0');
    expect(OPENAPI_DOCUMENT.info.description).toContain('"2006-01-02 15:04:05.000000"');
    expect(OPENAPI_DOCUMENT.info.description).toContain('"9999-01-01 00:00:00.000000"');
  });

  it('has schemas that compile, with every $ref resolving', () => {
    for (const { path, method, op } of operations) {
      for (const answer of Object.values(op.responses as Record<string, Json>)) {
        const schema = answer.content?.['application/json']?.schema;
        if (schema) expect(() => ajv.compile(withDoc(schema))).not.toThrow();
      }
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) expect(() => ajv.compile(withDoc(body))).not.toThrow();
      expect(`${method} ${path} ${String(op.operationId)}`).toMatch(/^\w+ \/\S+ \w+$/);
    }
  });

  it('gives every answer field an example', () => {
    const missing: string[] = [];
    for (const [name, schema] of Object.entries(OPENAPI_DOCUMENT.components.schemas as Record<string, Json>)) {
      for (const [field, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
        if (!('example' in property) && !property.$ref && property.type !== 'array' && property.type !== 'object') missing.push(`${name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('takes only the documented timestamp form', () => {
    const timestamp = ajv.compile({ type: 'string', pattern: TIMESTAMP_PATTERN });
    expect(timestamp('2026-01-15 09:30:00.000000')).toBe(true);
    expect(timestamp('9999-01-01 00:00:00.000000')).toBe(true);
    expect(timestamp('2026-01-15T09:30:00.000Z')).toBe(false);
  });
});
