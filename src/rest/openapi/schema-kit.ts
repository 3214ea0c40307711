/** Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the REST document. */
export type Schema = Record<string, unknown>;

export const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
export const str = (description: string, example?: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...(example === undefined ? {} : { example }), ...extra });
export const int = (description: string, example?: number, extra: Schema = {}): Schema => ({ type: 'integer', description, ...(example === undefined ? {} : { example }), ...extra });
export const num = (description: string, example?: number): Schema => ({ type: 'number', description, ...(example === undefined ? {} : { example }) });
export const bool = (description: string, example = false): Schema => ({ type: 'boolean', description, example });
export const oneOf = (values: readonly string[], description: string, example?: string): Schema => ({ type: 'string', enum: [...values], description, example: example ?? values.find((value) => value !== '') });
export const list = (items: Schema, description: string): Schema => ({ type: 'array', items, description });

const UUID_EXAMPLE = '550e8400-e29b-41d4-a716-446655440000';
export const ZERO_UUID_TEXT = '00000000-0000-0000-0000-000000000000';
/** Ids are UUIDs; "none" is the all-zero UUID, as VoIPBIN writes it. */
export const uuid = (description: string, example = UUID_EXAMPLE): Schema => ({ type: 'string', format: 'uuid', description, example });

/** `2006-01-02 15:04:05.000000` in UTC; `9999-01-01 00:00:00.000000` for "not yet". */
export const TIMESTAMP_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{6}$';
export const time = (description: string, example = '2026-01-15 09:30:00.000000'): Schema => ({
  type: 'string',
  pattern: TIMESTAMP_PATTERN,
  description: `${description} UTC, as "2006-01-02 15:04:05.000000"; "9999-01-01 00:00:00.000000" while it has not happened.`,
  example,
});

/**
 * An answer's object: every property is present unless named in `optional`, and nothing else is
 * (so an answer with a field the document does not describe fails the contract test).
 */
export const record = (description: string, properties: Record<string, Schema>, optional: readonly string[] = []): Schema => ({
  type: 'object',
  description,
  properties,
  required: Object.keys(properties).filter((name) => !optional.includes(name)),
  additionalProperties: false,
});

/** A request body: the fields the route reads (others are ignored). */
export const input = (description: string, properties: Record<string, Schema>, required: readonly string[] = []): Schema => ({
  type: 'object',
  description,
  properties,
  ...(required.length ? { required: [...required] } : {}),
});

/** VoIPBIN's list envelope: `result` is never null; an empty page ends the paging. */
export const page = (item: string): Schema => ({
  type: 'object',
  properties: {
    result: list(ref(item), 'This page, newest first.'),
    next_page_token: str("Pass as `page_token` for the next page; '' on an empty page (the end).", '2026-01-15 09:30:00.000000'),
  },
  required: ['result', 'next_page_token'],
});
