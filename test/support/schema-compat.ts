import type { Json } from './rest';

/** A JSON Schema with its document, so $refs resolve in the right one. */
export interface Located {
  schema: Json;
  root: Json;
}

/** Follows $ref (VoIPBIN puts siblings beside $ref; they are kept) and merges allOf into one object schema. */
export function resolve({ schema, root }: Located): Json {
  let current: Json = schema ?? {};
  for (let depth = 0; current.$ref && depth < 20; depth++) {
    const target = (current.$ref as string).replace(/^#\//, '').split('/').reduce((node: Json, part) => node?.[part] as Json, root);
    const { $ref: _ref, description: _description, example: _example, ...siblings } = current;
    current = { ...target, ...siblings };
  }
  if (Array.isArray(current.allOf)) {
    const parts = (current.allOf as Json[]).map((part) => resolve({ schema: part, root }));
    const { allOf: _allOf, ...rest } = current;
    return {
      ...rest,
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), rest.properties ?? {}) as Json,
      required: [...new Set(parts.flatMap((part) => (part.required as string[] | undefined) ?? []))],
    };
  }
  return current;
}

/** The JSON types a schema allows (OpenAPI 3.0's `nullable` as "null"); empty: any. */
export function typesOf(schema: Json): Set<string> {
  const types = new Set<string>(Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : []);
  if (schema.nullable === true) types.add('null');
  return types;
}

/** Our type fits VoIPBIN's when a VoIPBIN client decodes it: integer is a number; null fits an optional field (a pointer). */
function fits(ours: string, theirs: Set<string>, optional: boolean): boolean {
  if (theirs.size === 0 || theirs.has(ours)) return true;
  if (ours === 'integer' && theirs.has('number')) return true;
  return ours === 'null' && optional;
}

/**
 * Where our answer schema would break a client written for VoIPBIN's: a field VoIPBIN has that we
 * lack, a JSON type it cannot decode, an enum value it does not know. Each as `<where> <what>`.
 */
export function responseDifferences(theirs: Located, ours: Located, where: string, optional = false): string[] {
  // Named by VoIPBIN's schema where there is one, so a difference of a shared schema is listed once.
  const named = typeof theirs.schema?.$ref === 'string' ? (theirs.schema.$ref as string).split('/').pop()! : null;
  if (named && !/^Common/.test(named)) where = named;
  const a = resolve(theirs);
  const b = resolve(ours);
  const differences: string[] = [];
  const theirTypes = typesOf(a);
  for (const type of typesOf(b)) if (!fits(type, theirTypes, optional)) differences.push(`type ${where}: ${type} where VoIPBIN has ${[...theirTypes].join('|')}`);
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const known = new Set(a.enum as unknown[]);
    for (const value of b.enum as unknown[]) if (value !== null && !known.has(value)) differences.push(`enum ${where}: ${JSON.stringify(value)}`);
  }
  if (a.properties) {
    const ourProperties = (b.properties ?? {}) as Json;
    for (const [name, schema] of Object.entries(a.properties as Json)) {
      if (!(name in ourProperties)) {
        differences.push(`missing ${where}.${name}`);
        continue;
      }
      const required = ((a.required as string[] | undefined) ?? []).includes(name);
      differences.push(...responseDifferences({ schema: schema as Json, root: theirs.root }, { schema: ourProperties[name] as Json, root: ours.root }, `${where}.${name}`, !required));
    }
  }
  if (a.items && b.items && b.maxItems !== 0) {
    differences.push(...responseDifferences({ schema: a.items as Json, root: theirs.root }, { schema: b.items as Json, root: ours.root }, `${where}[]`));
  }
  return differences;
}

/** Request fields VoIPBIN's clients send that our route does not read. */
export function requestDifferences(theirs: Located, ours: Located | null, where: string): string[] {
  const a = resolve(theirs);
  const ourProperties = ours ? ((resolve(ours).properties ?? {}) as Json) : {};
  return Object.keys((a.properties ?? {}) as Json)
    .filter((name) => !(name in ourProperties))
    .map((name) => `request ${where} ${name}`);
}
