import { pressKey } from './digits-input';

const option = (length: number, key: string) => ({ durationMs: 5000, length, key });

test.each([
  ['collects below the length', option(3, ''), '1', '2', { digits: '12', done: false }],
  ['completes at the length', option(2, ''), '1', '2', { digits: '12', done: true }],
  ['a terminator completes without being kept', option(5, '#'), '12', '#', { digits: '12', done: true }],
  ['any of several terminators', option(5, '#*'), '1', '*', { digits: '1', done: true }],
  ['no length: only a terminator or the timeout ends it', option(0, ''), '123456', '7', { digits: '1234567', done: false }],
])('%s', (_name, receive, collected, key, expected) => {
  expect(pressKey(receive, collected, key)).toEqual(expected);
});
