import type { FlowActionType } from './flow-action';
import { OPTION_PARSERS } from './parse-action-option';

/** Every action type a flow may name, canonical spelling: the types that have an option parser. */
export const FLOW_ACTION_TYPES = Object.keys(OPTION_PARSERS) as FlowActionType[];

/**
 * Actions the engine decides on its own (domain/flow/flow-engine.ts), with no media: they never
 * reach the flow runner. Every other type is carried out on the call by its handler
 * (src/workers/flow-actions/).
 */
export const DECIDED_ACTION_TYPES = ['goto', 'branch', 'variable_set'] as const satisfies readonly FlowActionType[];
export type DecidedActionType = (typeof DECIDED_ACTION_TYPES)[number];
export type CallActionType = Exclude<FlowActionType, DecidedActionType>;

/** The documentation's spellings that differ from VoIPBIN's own names (VoIPBIN's documentation). */
export const ACTION_TYPE_ALIASES: Readonly<Record<string, FlowActionType>> = {
  dtmf_send: 'digits_send',
  record_start: 'recording_start',
  record_stop: 'recording_stop',
};

/**
 * Action types that parse but are refused when a flow is defined, until the feature behind them
 * lands. Remove a type from this set to switch it on; add one to refuse it (empty: all run).
 */
export const UNSUPPORTED_ACTION_TYPES: ReadonlySet<FlowActionType> = new Set<FlowActionType>([]);

/** The canonical type of `name`, or null when the product knows no such action. */
export function canonicalActionType(name: string): FlowActionType | null {
  if ((FLOW_ACTION_TYPES as readonly string[]).includes(name)) return name as FlowActionType;
  return ACTION_TYPE_ALIASES[name] ?? null;
}
