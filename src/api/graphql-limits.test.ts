import { parse } from 'graphql';
import { buildApiSchema } from '../schema/build-schema';
import { createCostCheck } from './graphql-limits';

/**
 * The cost check estimates a document once per text, operation and values of the variables its
 * cost depends on. Shown by handing it, under a text it has costed, a document that would cost
 * more: a repeat is not estimated again; a new page size is.
 */
it('estimates a document text once for the same values of the variables its cost depends on', async () => {
  const check = createCostCheck(await buildApiSchema());
  const text = 'query Q($n: Int, $note: String) { calls(first: $n) { nodes { id } } }';
  const wide = 'chainedCalls { chainedCalls { chainedCalls { id source { target } destination { target } } } }';
  const cheap = parse(text);
  const heavy = parse(`query Q($n: Int, $note: String) { calls(first: $n) { nodes { id ${wide} } } }`);
  expect(() => check(text, heavy, { n: 100 }, 'Q')).toThrow(/estimated cost/);
  check(text, cheap, { n: 50, note: 'a' }, 'Q');
  // The same text and page size: the first estimate stands, whatever else the variables hold.
  expect(() => check(text, heavy, { n: 50, note: 'b' }, 'Q')).not.toThrow();
  // Another page size, or another operation of the text: estimated afresh.
  expect(() => check(text, heavy, { n: 49 }, 'Q')).toThrow(/estimated cost/);
  expect(() => check(text, heavy, { n: 50 }, null)).toThrow(/estimated cost/);
});
