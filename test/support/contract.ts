import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { OPENAPI_DOCUMENT } from '../../src/rest/openapi/document';
import type { Json } from './rest';

export type Kind = 'good' | 'bad';

interface DocumentedOperation {
  key: string;
  method: string;
  template: string;
  pattern: RegExp;
  op: Json;
}

const withDoc = (schema: unknown): Json => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')) as Json;

/** The operations of our document, each with a matcher for concrete paths. */
export function documentedOperations(): DocumentedOperation[] {
  return Object.entries(OPENAPI_DOCUMENT.paths as Record<string, Json>).flatMap(([template, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${template}`,
      method: method.toUpperCase(),
      template,
      pattern: new RegExp(`^${template.replace(/\{[a-z_]+\}/g, '[^/]+')}$`),
      op: op as Json,
    })),
  );
}

/**
 * Checks answers against the document: the status must be one the operation lists, the body
 * must match that answer's schema. Records which operations saw a good (2xx/3xx) and a bad
 * (4xx) answer, and every mismatch, by operation.
 */
export function contractChecker() {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addSchema({ $id: 'doc', components: OPENAPI_DOCUMENT.components });
  const operations = documentedOperations();
  const validators = new Map<string, ValidateFunction>();
  const seen = new Map<string, Set<Kind>>();
  const problems = new Map<string, string[]>();

  const problem = (key: string, text: string) => problems.set(key, [...(problems.get(key) ?? []), text]);

  function validator(key: string, status: string, schema: unknown): ValidateFunction {
    const id = `${key} ${status}`;
    let validate = validators.get(id);
    if (!validate) {
      validate = ajv.compile(withDoc(schema));
      validators.set(id, validate);
    }
    return validate;
  }

  /** Checks one answer; `path` is the concrete path without the query. */
  function check(method: string, path: string, status: number, body: unknown, contentType: string | null): void {
    const operation = operations.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!operation) {
      problem(`${method} ${path}`, `answered ${status}, but the document has no such operation`);
      return;
    }
    const kind: Kind = status < 400 ? 'good' : 'bad';
    seen.set(operation.key, (seen.get(operation.key) ?? new Set()).add(kind));
    const answer = (operation.op.responses as Json)[String(status)] as Json | undefined;
    if (!answer) {
      problem(operation.key, `answered ${status}, which the document does not list (${JSON.stringify(body).slice(0, 200)})`);
      return;
    }
    const schema = answer.content?.['application/json']?.schema;
    if (!schema) return;
    if (!contentType?.startsWith('application/json')) {
      problem(operation.key, `answered ${status} with ${contentType ?? 'no content type'}, not JSON`);
      return;
    }
    const validate = validator(operation.key, String(status), schema);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
      problem(operation.key, `answered ${status} off the document: ${errors.join('; ')}`);
    }
  }

  return { operations, check, seen, problems };
}

export type ContractChecker = ReturnType<typeof contractChecker>;
