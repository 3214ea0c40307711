import type { FlowAction } from './flow-action';
import { substituteVariables } from './substitute';

/** An action of a stored flow, as the client wrote it (ids filled in). */
export interface RawAction {
  id: string;
  type: string;
  option?: unknown;
}

/** What a flow execution remembers between actions. */
export interface FlowState {
  variables: Record<string, string>;
  /** Jumps a goto has left, by its action id (set on its first visit from its loop_count). */
  loopCounts: Record<string, number>;
}

/** An action the execution went through, with the options it ran with and why it failed. */
export interface ExecutedAction {
  id: string;
  type: string;
  option: unknown;
  error?: string;
}

export type ParseAction = (raw: unknown, field: string) => FlowAction;

/** The actions the runner carries out on the call; the others are decided here. */
export type MediaAction = Exclude<FlowAction, { type: 'goto' | 'branch' | 'variable_set' }>;

export interface NextStep {
  /** The next action to carry out, options substituted and parsed; null: the flow has ended. */
  action: MediaAction | null;
  /** That action as written, after substitution (what current_action shows). */
  raw: RawAction | null;
  /** The id of the action that follows it in the list (for the call's action.next_id). */
  nextId: string | null;
  state: FlowState;
  /** Decided actions on the way (goto, branch, variable_set) and actions that failed to parse. */
  passed: ExecutedAction[];
  /** Why the flow ended other than by running past its last action. */
  error?: string;
}

/** A flow that only jumps (goto/branch without a media action between) must not spin forever. */
export const MAX_DECIDED_PER_STEP = 100;

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Where a flow goes after the action `afterId` (null: from the start). Actions that need no media
 * (goto, branch, variable_set) are decided here, in order, until one that does or the end.
 */
export function nextStep(actions: readonly RawAction[], afterId: string | null, from: FlowState, parse: ParseAction): NextStep {
  const state: FlowState = { variables: { ...from.variables }, loopCounts: { ...from.loopCounts } };
  const passed: ExecutedAction[] = [];
  const indexOf = (id: string) => actions.findIndex((action) => action.id === id);
  const ended = (error?: string): NextStep => ({ action: null, raw: null, nextId: null, state, passed, ...(error ? { error } : {}) });

  let index = 0;
  if (afterId !== null) {
    const current = indexOf(afterId);
    if (current === -1) return ended(`action ${afterId} is not in the flow`);
    index = current + 1;
  }
  for (let hops = 0; hops < MAX_DECIDED_PER_STEP; hops++) {
    const written = actions[index];
    if (!written) return ended();
    const raw: RawAction = { ...written, option: substituteVariables(written.option ?? {}, state.variables) };
    let action: FlowAction;
    try {
      action = parse(raw, `actions[${index}]`);
    } catch (error) {
      passed.push({ id: raw.id, type: raw.type, option: raw.option, error: errorMessage(error) });
      index += 1;
      continue;
    }
    const jump = (targetId: string | null): boolean => {
      if (targetId === null) {
        index += 1;
        return true;
      }
      index = indexOf(targetId);
      return index !== -1;
    };
    switch (action.type) {
      case 'goto': {
        const left = state.loopCounts[action.id] ?? action.option.loopCount;
        passed.push({ id: raw.id, type: raw.type, option: raw.option });
        if (left > 0) state.loopCounts[action.id] = left - 1;
        if (!jump(left > 0 ? action.option.targetId : null)) return ended(`goto target ${action.option.targetId} is not in the flow`);
        continue;
      }
      case 'branch': {
        const value = state.variables[action.option.variable] ?? '';
        delete state.variables[action.option.variable];
        passed.push({ id: raw.id, type: raw.type, option: raw.option });
        const target = action.option.targetIds[value] ?? action.option.defaultTargetId;
        if (!jump(target)) return ended(`branch target ${target} is not in the flow`);
        continue;
      }
      case 'variable_set':
        state.variables[action.option.key] = action.option.value;
        passed.push({ id: raw.id, type: raw.type, option: raw.option });
        index += 1;
        continue;
      default:
        return { action, raw, nextId: actions[index + 1]?.id ?? null, state, passed };
    }
  }
  return ended(`more than ${MAX_DECIDED_PER_STEP} goto/branch/variable_set actions in a row without an action on the call`);
}
