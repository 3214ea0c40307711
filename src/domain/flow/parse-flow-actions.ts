import { invalidArgument } from '../errors';
import { containsNul } from '../text';
import { canonicalActionType, FLOW_ACTION_TYPES, UNSUPPORTED_ACTION_TYPES } from './action-types';
import type { FlowAction } from './flow-action';
import { MAX_ID, OPTION_PARSERS } from './parse-action-option';
import { OptionReader } from './option-reader';

export const MAX_ACTIONS = 1000;

export interface ParseActionOptions {
  /** Makes the id of an action that has none (a UUID); without it such an action is refused. */
  newId?: () => string;
  /**
   * Accept `${…}` placeholders where a pattern-checked string is expected (digits, URLs, address
   * targets, language): their value is known only at run time, when the runner substitutes them
   * and parses the action again, strictly. Numbers, booleans, enums and action ids must always be
   * literal. Default: true for a whole flow (definition time), false for one action (run time).
   */
  allowTemplates?: boolean;
}

/**
 * One action as a client (or a stored flow) wrote it: `{id?, type, option?}`. The type may be an
 * alias (`dtmf_send`); the result carries the canonical type and typed options. Unknown option
 * keys are ignored, as VoIPBIN ignores them (clients send `provider`, `voice_id` …).
 */
export function parseFlowAction(raw: unknown, field: string, options: ParseActionOptions = {}): FlowAction {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidArgument(field, 'must be an action object');
  const action = raw as Record<string, unknown>;
  const id = actionId(action.id, `${field}.id`, options.newId);
  if (typeof action.type !== 'string' || action.type === '') throw invalidArgument(`${field}.type`, 'is required');
  const type = canonicalActionType(action.type);
  if (!type) {
    throw invalidArgument(`${field}.type`, `'${action.type.slice(0, 40)}' is not an action type; expected one of ${FLOW_ACTION_TYPES.join(', ')}`);
  }
  const option = action.option ?? {};
  if (typeof option !== 'object' || Array.isArray(option)) throw invalidArgument(`${field}.option`, 'must be an object');
  if (containsNul(option)) throw invalidArgument(`${field}.option`, 'must not contain NUL characters');
  const read = new OptionReader(option as Record<string, unknown>, `${field}.option`, options.allowTemplates ?? false);
  return { id, type, option: OPTION_PARSERS[type](read as never) } as FlowAction;
}

/**
 * A flow's actions at definition time (flow create/update, a call's inline actions): each action
 * parsed, ids unique, every branch/goto target naming an action of this flow, and action types
 * that are not yet supported refused.
 */
export function parseFlowActions(raw: unknown, field = 'actions', options: ParseActionOptions = {}): FlowAction[] {
  if (!Array.isArray(raw)) throw invalidArgument(field, 'must be a list of actions');
  if (raw.length > MAX_ACTIONS) throw invalidArgument(field, `must hold at most ${MAX_ACTIONS} actions`);
  const parseOptions = { ...options, allowTemplates: options.allowTemplates ?? true };
  const actions = raw.map((action, index) => parseFlowAction(action, `${field}[${index}]`, parseOptions));
  const indexById = new Map<string, number>();
  actions.forEach((action, index) => {
    const first = indexById.get(action.id);
    if (first !== undefined) throw invalidArgument(`${field}[${index}].id`, `'${action.id}' is already the id of ${field}[${first}]`);
    indexById.set(action.id, index);
    if (UNSUPPORTED_ACTION_TYPES.has(action.type)) {
      throw invalidArgument(`${field}[${index}].type`, `${action.type} is not yet supported`);
    }
  });
  actions.forEach((action, index) => {
    for (const [path, target] of targetsOf(action)) {
      if (!indexById.has(target)) throw invalidArgument(`${field}[${index}].option.${path}`, 'names no action of this flow');
    }
  });
  return actions;
}

/**
 * The client's actions with every missing id filled in: the form a flow is stored in. Type and
 * option stay as written (an alias stays an alias); keys other than id, type and option are dropped.
 */
export function withActionIds(raw: unknown[], actions: readonly FlowAction[]): unknown[] {
  return raw.map((action, index) => {
    const { type, option } = action as Record<string, unknown>;
    return { id: actions[index]?.id, type, ...(option === undefined || option === null ? {} : { option }) };
  });
}

function targetsOf(action: FlowAction): [string, string][] {
  if (action.type === 'goto') return [['target_id', action.option.targetId]];
  if (action.type !== 'branch') return [];
  const targets = Object.entries(action.option.targetIds).map(([value, id]): [string, string] => [`target_ids.${value}`, id]);
  if (action.option.defaultTargetId) targets.push(['default_target_id', action.option.defaultTargetId]);
  return targets;
}

function actionId(value: unknown, field: string, newId: (() => string) | undefined): string {
  if (value === undefined || value === null || value === '') {
    if (!newId) throw invalidArgument(field, 'is required');
    return newId();
  }
  // The documentation's examples use readable ids ("human_path") as well as UUIDs: any short text.
  if (typeof value !== 'string' || value.length > MAX_ID || containsNul(value)) {
    throw invalidArgument(field, `must be a string of at most ${MAX_ID} characters`);
  }
  return value;
}
