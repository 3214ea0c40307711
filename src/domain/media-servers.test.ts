import { leastLoaded, parseMediaServers } from './media-servers';

const defaults = { username: 'opencall', password: 'secret' };

describe('parseMediaServers', () => {
  it('reads one URL with the shared credentials, named by its host:port', () => {
    expect(parseMediaServers('http://10.0.0.1:8088/', defaults)).toEqual([{ name: '10.0.0.1:8088', url: 'http://10.0.0.1:8088', username: 'opencall', password: 'secret' }]);
  });

  it('reads a list with names and credentials of their own', () => {
    expect(parseMediaServers(' ast1=http://a:p%40ss@ast1.example:8088 , http://ast2.example:8088', defaults)).toEqual([
      { name: 'ast1', url: 'http://ast1.example:8088', username: 'a', password: 'p@ss' },
      { name: 'ast2.example:8088', url: 'http://ast2.example:8088', username: 'opencall', password: 'secret' },
    ]);
  });

  it('is empty when unset (the embedded simulator)', () => {
    expect(parseMediaServers(undefined, defaults)).toEqual([]);
    expect(parseMediaServers('', defaults)).toEqual([]);
  });

  it('refuses a name given twice, a bad URL and a bad name, without showing credentials', () => {
    expect(() => parseMediaServers('a=http://x:1,a=http://y:1', defaults)).toThrow('names the media server "a" twice');
    expect(() => parseMediaServers('http://x:1,http://x:1', defaults)).toThrow('twice');
    expect(() => parseMediaServers('ws://x:1', defaults)).toThrow('must be http(s)');
    expect(() => parseMediaServers('a b=http://x:1', defaults)).toThrow('not a media server name');
    expect(() => parseMediaServers('nonsense', defaults)).toThrow('entry 1 is not a URL');
  });
});

describe('leastLoaded', () => {
  it('picks the server with the fewest live calls, the first listed on a tie', () => {
    expect(leastLoaded(['a', 'b', 'c'], new Map([['a', 3], ['b', 1], ['c', 1]]))).toBe('b');
    expect(leastLoaded(['a', 'b'], new Map())).toBe('a');
    expect(leastLoaded(['a', 'b'], new Map([['a', 1]]))).toBe('b');
  });
});
