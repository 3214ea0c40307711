import { substituteVariables } from './substitute';

test('substitutes every string in nested options and leaves other values and keys alone', () => {
  const variables = { a: '1', 'voipbin.call.digits': '42' };
  expect(substituteVariables({ text: 'x${a}y', list: ['${voipbin.call.digits}', 3], nested: { '${a}': true, n: null } }, variables)).toEqual({
    text: 'x1y',
    list: ['42', 3],
    nested: { '${a}': true, n: null },
  });
});

test('an unknown variable becomes empty; text without placeholders is unchanged', () => {
  expect(substituteVariables('a ${nope} b $ {a} ${}', {})).toBe('a  b $ {a} ${}');
});
