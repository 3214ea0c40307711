import { BoundedMap } from './bounded-map';

it('forgets the oldest entry past its limit, and a key set again keeps its place', () => {
  const map = new BoundedMap<string, number>(2);
  map.set('a', 1).set('b', 2).set('a', 3);
  expect([...map]).toEqual([['a', 3], ['b', 2]]);
  map.set('c', 4);
  expect([...map]).toEqual([['b', 2], ['c', 4]]);
});

it('makes a key the newest when it is deleted and set again', () => {
  const map = new BoundedMap<string, number>(2);
  map.set('a', 1).set('b', 2);
  map.delete('a');
  map.set('a', 1).set('c', 3);
  expect([...map.keys()]).toEqual(['a', 'c']);
});
