import type { FlowActionType } from './flow-action';

/** Every action type a flow may name, canonical spelling. */
export const FLOW_ACTION_TYPES: readonly FlowActionType[] = [
  'answer',
  'talk',
  'play',
  'hangup',
  'sleep',
  'digits_receive',
  'digits_send',
  'branch',
  'goto',
  'connect',
  'variable_set',
  'recording_start',
  'recording_stop',
];

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
