import { nextStep, MAX_DECIDED_PER_STEP, type FlowState, type RawAction } from './flow-engine';
import { DIGITS_VARIABLE } from './flow-variables';
import { parseFlowAction } from './parse-flow-actions';

const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
const talk = (n: number, text = `t${n}`): RawAction => ({ id: id(n), type: 'talk', option: { text } });
const fresh = (variables: Record<string, string> = {}): FlowState => ({ variables, loopCounts: {} });
const run = (actions: RawAction[], after: number | null, state = fresh()) => nextStep(actions, after === null ? null : id(after), state, parseFlowAction);

describe('nextStep', () => {
  test.each([
    ['the first action from the start', [talk(1), talk(2)], null, id(1)],
    ['the following action', [talk(1), talk(2)], 1, id(2)],
    ['the end after the last action', [talk(1)], 1, null],
    ['the end of an empty flow', [], null, null],
  ])('%s', (_name, actions, after, expected) => {
    expect(run(actions, after).action?.id ?? null).toBe(expected);
  });

  test('goto jumps while its loop_count is above zero, counting down in the state, then moves on', () => {
    const actions = [talk(1), { id: id(2), type: 'goto', option: { target_id: id(1), loop_count: 2 } }, talk(3)];
    let state = fresh();
    const visits: string[] = [];
    for (let i = 0; i < 3; i++) {
      const step = run(actions, 1, state);
      visits.push(step.action!.id);
      state = step.state;
    }
    expect(visits).toEqual([id(1), id(1), id(3)]);
    expect(state.loopCounts[id(2)]).toBe(0);
  });

  test.each([
    ['a matching value goes to its target', '2', id(5)],
    ['another value goes to the default target', '9', id(6)],
    ['no value goes to the default target', undefined, id(6)],
  ])('branch: %s, and clears the variable', (_name, digits, expected) => {
    const actions = [
      { id: id(1), type: 'branch', option: { target_ids: { '1': id(4), '2': id(5) }, default_target_id: id(6) } },
      talk(2), talk(3), talk(4), talk(5), talk(6),
    ];
    const step = run(actions, null, fresh(digits === undefined ? {} : { [DIGITS_VARIABLE]: digits }));
    expect(step.action?.id).toBe(expected);
    expect(step.state.variables[DIGITS_VARIABLE]).toBeUndefined();
    expect(step.passed.map((action) => action.type)).toEqual(['branch']);
  });

  test('branch without a default goes to the next action; it reads the variable it names', () => {
    const actions = [{ id: id(1), type: 'branch', option: { variable: 'choice', target_ids: { a: id(3) } } }, talk(2), talk(3)];
    expect(run(actions, null, fresh({ choice: 'x' })).action?.id).toBe(id(2));
    expect(run(actions, null, fresh({ choice: 'a' })).action?.id).toBe(id(3));
  });

  test('variable_set sets a variable that ${} substitution then puts into later options', () => {
    const actions = [{ id: id(1), type: 'variable_set', option: { key: 'name', value: 'Ada' } }, talk(2, 'Hello ${name}, call ${voipbin.call.id}, ${unknown}!')];
    const step = run(actions, null, fresh({ 'voipbin.call.id': 'c1' }));
    expect(step.action).toMatchObject({ type: 'talk', option: { text: 'Hello Ada, call c1, !' } });
    expect(step.raw?.option).toEqual({ text: 'Hello Ada, call c1, !' });
  });

  test('substituted options are parsed strictly: an action whose value turns out invalid is passed with its error', () => {
    const actions = [{ id: id(1), type: 'digits_send', option: { digits: '${code}' } }, talk(2)];
    const step = run(actions, null, fresh({ code: 'not digits' }));
    expect(step.action?.id).toBe(id(2));
    expect(step.passed).toEqual([expect.objectContaining({ id: id(1), error: expect.stringContaining('digits') })]);
  });

  test('a flow of jumps only ends with an error instead of spinning', () => {
    const actions = [{ id: id(1), type: 'goto', option: { target_id: id(1), loop_count: MAX_DECIDED_PER_STEP * 2 } }];
    const step = run(actions, null);
    expect(step.action).toBeNull();
    expect(step.error).toMatch(/in a row/);
  });

  test('nextId names the action after the next one, for the call\'s action.next_id', () => {
    expect(run([talk(1), talk(2)], null).nextId).toBe(id(2));
    expect(run([talk(1)], null).nextId).toBeNull();
  });
});
