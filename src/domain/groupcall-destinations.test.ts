import { AppError } from './errors';
import type { NestedDestination } from './groupcall';
import { MAX_GROUPCALL_LEGS, MAX_GROUPCALL_LEVELS, parseGroupcallDestinations } from './groupcall-destinations';

const tel = (n: number) => ({ type: 'tel', target: `+1555000${2000 + n}` });
const nested = (destinations: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'groupcall', groupcall: { destinations, ...extra } });
let ids = 0;
const newId = () => `id-${++ids}`;
const parse = (destinations: unknown) => parseGroupcallDestinations(destinations, 30_000, newId);
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code} ${error.message}` : String(error);
  }
  return undefined;
};

/** `levels` levels in all: the groupcall asked for, then nested ones one inside the other. */
const chain = (levels: number): unknown[] => (levels === 1 ? [tel(1)] : [tel(levels), nested(chain(levels - 1))]);

describe('groupcall destinations', () => {
  it('gives each nested groupcall an id and its own ring method and dial timeout (default: its master\'s)', () => {
    const [first, second] = parse([tel(1), nested([tel(2), nested([tel(3)], { dialTimeout: 5000 })], { ringMethod: 'linear' })]);
    expect(first).toMatchObject({ type: 'tel', target: '+15550002001' });
    const outer = second as NestedDestination;
    expect(outer).toMatchObject({ type: 'groupcall', groupcall: { ringMethod: 'linear', dialTimeoutMs: 30_000 } });
    expect(outer.target).toMatch(/^id-/);
    const inner = outer.groupcall.destinations[1] as NestedDestination;
    expect(inner.groupcall).toMatchObject({ ringMethod: 'ring_all', dialTimeoutMs: 5000 });
    expect(inner.target).not.toBe(outer.target);
  });

  it(`takes ${MAX_GROUPCALL_LEVELS} levels and refuses a 6th naming the limit`, () => {
    expect(() => parse(chain(MAX_GROUPCALL_LEVELS))).not.toThrow();
    expect(codeOf(() => parse(chain(MAX_GROUPCALL_LEVELS + 1)))).toMatch(/^GROUPCALL_TOO_DEEP .*the limit is 5/);
  });

  it(`counts the legs of every level: ${MAX_GROUPCALL_LEGS} pass, one more is refused naming the limit`, () => {
    const legs = (from: number, count: number) => Array.from({ length: count }, (_, i) => tel(from + i));
    expect(() => parse([...legs(0, 50), nested([...legs(50, 30), nested(legs(80, 20))])])).not.toThrow();
    expect(codeOf(() => parse([...legs(0, 50), nested([...legs(50, 30), nested(legs(80, 21))])]))).toMatch(/^GROUPCALL_TOO_MANY_LEGS .*the limit is 100; this one has 101/);
  });

  it.each([
    [[nested([])], /destinations\[0\]\.groupcall\.destinations: at least one destination/],
    [[{ type: 'groupcall' }], /destinations\[0\]\.groupcall: a nested groupcall needs its destinations/],
    [[{ type: 'groupcall', target: 'x', groupcall: { destinations: [tel(1)] } }], /destinations\[0\]\.target/],
    [[nested([tel(1)], { ringMethod: 'round_robin' })], /destinations\[0\]\.groupcall\.ring_method/],
    [[nested([tel(1)], { inherited: ['flow_id'] })], /destinations\[0\]\.groupcall\.flow_id: a nested groupcall takes its master's/],
    [[{ ...tel(1), groupcall: { destinations: [tel(2)] } }], /destinations\[0\]\.groupcall: only a destination of type groupcall/],
    [[nested([{ type: 'tel', target: 'nope' }])], /destinations\[0\]\.groupcall\.destinations\[0\]\.target/],
  ])('refuses %j naming the field', (destinations, message) => {
    expect(codeOf(() => parse(destinations))).toMatch(message);
  });
});
