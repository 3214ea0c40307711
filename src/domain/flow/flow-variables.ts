import type { Call } from '../call';
import { invalidArgument } from '../errors';

/** Where digits_receive collects the caller's key presses; branch reads (and clears) it by default. */
export const DIGITS_VARIABLE = 'voipbin.call.digits';

/** The variables a flow on a call starts with (VoIPBIN's names), before any variable_set. */
export function callVariables(call: Call, ids: { activeflowId: string; flowId: string }): Record<string, string> {
  return {
    'voipbin.activeflow.id': ids.activeflowId,
    'voipbin.flow.id': ids.flowId,
    'voipbin.call.id': call.id,
    'voipbin.call.direction': call.direction,
    'voipbin.call.master_call_id': call.masterCallId ?? '',
    'voipbin.call.source.type': call.source.type,
    'voipbin.call.source.target': call.source.target,
    'voipbin.call.source.name': call.source.name,
    'voipbin.call.destination.type': call.destination.type,
    'voipbin.call.destination.target': call.destination.target,
    'voipbin.call.destination.name': call.destination.name,
    [DIGITS_VARIABLE]: '',
  };
}

const MAX_SEEDED = 100;
const MAX_SEEDED_VALUE = 32 * 1024;
const MAX_SEEDED_TOTAL = 64 * 1024;
const MAX_NAME = 255;

/**
 * A client's variables for a call's flow (VoIPBIN's `variables`): a flat map of strings, at most
 * 100 keys, 32 KB a value, 64 KB in all. Names under `voipbin.` are the product's own and are
 * dropped, as VoIPBIN drops them.
 */
export function parseSeedVariables(value: unknown, field = 'variables'): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidArgument(field, 'must be an object of string values');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_SEEDED) throw invalidArgument(field, `must hold at most ${MAX_SEEDED} variables`);
  let total = 0;
  const seeded: Record<string, string> = {};
  for (const [name, text] of entries) {
    if (name === '' || name.length > MAX_NAME) throw invalidArgument(field, `names must be 1 to ${MAX_NAME} characters`);
    if (typeof text !== 'string') throw invalidArgument(`${field}.${name.slice(0, 40)}`, 'must be a string');
    if (text.length > MAX_SEEDED_VALUE) throw invalidArgument(`${field}.${name.slice(0, 40)}`, `must be at most ${MAX_SEEDED_VALUE} characters`);
    total += name.length + text.length;
    if (total > MAX_SEEDED_TOTAL) throw invalidArgument(field, `must be at most ${MAX_SEEDED_TOTAL} characters in all`);
    if (!name.startsWith('voipbin.')) seeded[name] = text;
  }
  return seeded;
}
