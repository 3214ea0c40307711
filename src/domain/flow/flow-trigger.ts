import type { Call } from '../call';

/**
 * When a call's flow starts: an outgoing call on answer, or with early_execution as soon as it
 * rings (its channel exists then and can carry early media; while dialing there may be no channel
 * to play to yet); an incoming call at once (VoIPBIN runs it while ringing; the flow answers it).
 * It ends with the call.
 */
export function flowTrigger(call: Pick<Call, 'status' | 'direction' | 'earlyExecution' | 'flowId'>): 'start' | 'end' | null {
  // A call without a flow never had an activeflow: nothing to start or end (and nothing to look up).
  if (!call.flowId) return null;
  if (call.status === 'hangup') return 'end';
  if (call.status === 'terminating' || call.status === 'canceling') return null;
  if (call.direction === 'incoming' || call.status === 'progressing') return 'start';
  if (call.earlyExecution && call.status === 'ringing') return 'start';
  return null;
}
