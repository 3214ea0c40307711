import { getNamedType, isInputObjectType } from 'graphql';
import { JSON_VALUED_INPUT_FIELDS } from '../domain/field-path';
import { buildApiSchema } from './build-schema';

/** GraphQL's field paths stop renaming at a JSON value (src/domain/field-path.ts): its list must be the schema's. */
it('JSON_VALUED_INPUT_FIELDS are exactly the JSONObject input fields of the schema', async () => {
  const schema = await buildApiSchema();
  const jsonValued = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === 'JSONObject') jsonValued.add(field.name);
  }
  expect([...jsonValued].sort()).toEqual([...JSON_VALUED_INPUT_FIELDS].sort());
});
