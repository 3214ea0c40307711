import { checkClientJson, MAX_JSON_DEPTH } from './json-input';

const nested = (levels: number): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('the client JSON check', () => {
  it('takes ordinary values and nesting up to the limit', () => {
    expect(() => checkClientJson({ name: 'é🎉', actions: [{ type: 'talk', option: { text: 'hi' } }], n: 1, none: null })).not.toThrow();
    expect(() => checkClientJson(nested(MAX_JSON_DEPTH))).not.toThrow();
  });

  it('refuses nesting past the limit, naming it, even tens of thousands of levels deep', () => {
    expect(() => checkClientJson(nested(MAX_JSON_DEPTH + 1))).toThrow(expect.objectContaining({ code: 'JSON_TOO_DEEP', message: expect.stringContaining(String(MAX_JSON_DEPTH)) }));
    expect(() => checkClientJson({ actions: [{ option: nested(50_000) }] })).toThrow(expect.objectContaining({ code: 'JSON_TOO_DEEP' }));
  });

  it.each([
    [{ name: 'a\ud800b' }, 'name'],
    [{ actions: [{ type: 'talk', option: { text: '\udfff' } }] }, 'actions[0].option.text'],
    [{ destinations: [{ name: 'x', target: '\ud83d' }] }, 'destinations[0].target'],
    [{ 'odd key': '\ud800' }, '["odd key"]'],
  ])('refuses an unpaired surrogate in %j naming %s', (value, field) => {
    expect(() => checkClientJson(value)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
  });

  it('names the root it was given', () => {
    expect(() => checkClientJson({ input: { name: '\ud800' } }, 'variables')).toThrow(expect.objectContaining({ field: 'variables.input.name' }));
  });
});
