/**
 * The GraphQL input fields whose value is JSON (JSONObject): the keys inside are the client's own,
 * spelled alike on both surfaces, so a path is not renamed past them.
 * src/schema/json-valued-input-fields.test.ts checks this list against the schema.
 */
export const JSON_VALUED_INPUT_FIELDS: ReadonlySet<string> = new Set(['option', 'context', 'techHeaders']);

const camelCase = (name: string): string => name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());

/** A path's parts: names, `[0]` / `["X-Account"]` keys and the dots between them. */
const PART = /[A-Za-z_][A-Za-z0-9_]*|\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\]|\./y;

/**
 * The one mapping from a field path as the domain names it, in REST's spelling
 * (`tech_headers["X-A"]`, `destinations[0].target_name`), to the GraphQL input's spelling of the
 * same field (`techHeaders["X-A"]`, `destinations[0].targetName`): each name camelCase, up to and
 * including a JSON-valued field, whose keys stay as sent (`actions[0].option.stream_urls`).
 */
export function graphqlFieldPath(restPath: string): string {
  const parts = new RegExp(PART);
  let renaming = true;
  let out = '';
  let read = 0;
  for (let match = parts.exec(restPath); match; match = parts.exec(restPath)) {
    const part = match[0];
    read = parts.lastIndex;
    if (!renaming || part.startsWith('[') || part === '.') {
      out += part;
      continue;
    }
    const name = camelCase(part);
    out += name;
    if (JSON_VALUED_INPUT_FIELDS.has(name)) renaming = false;
  }
  // Whatever no part matched (not a path this names) is kept as it is.
  return out + restPath.slice(read);
}
