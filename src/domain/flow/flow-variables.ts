import type { Call } from '../call';

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
