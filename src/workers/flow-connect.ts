import type { Call } from '../domain/call';
import type { Activeflow } from '../domain/flow/activeflow';
import type { FlowAction } from '../domain/flow/flow-action';
import type { ParseAction } from '../domain/flow/flow-engine';
import type { ActiveflowService } from '../services/activeflow-service';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { FlowMediaPort } from '../telephony/flow-media-port';
import { connectBridgeId } from './flow-playbacks';

/** What the connect leaves to transfers (a transfer's calls are chained to the caller too). */
export interface ConnectTransferPort {
  /** Whether the call is a transfer's consult call: its answer is the transfer's to bridge. */
  isConsultCall(callId: string): Promise<boolean>;
  /** Whether a blind transfer made during this connect (begun at `actionStart`) that did not complete decides what the caller does next. */
  decidesCaller(callerId: string, actionStart: Date): Promise<boolean>;
}

/** Longest a connect waits for its legs and their bridge (VoIPBIN's maximum call duration). */
export const CONNECT_TIMEOUT_MS = 60 * 60_000;

type ConnectAction = Extract<FlowAction, { type: 'connect' }>;
export interface ConnectDeps {
  activeflows: ActiveflowService;
  calls: CallLookups;
  callService: CallService;
  media: FlowMediaPort;
  parse: ParseAction;
}

/** The connect action's legs: outgoing calls chained to the call (`master_call_id`). */
export async function connectLegs({ calls, callService }: ConnectDeps, flow: Activeflow, call: Call, action: ConnectAction): Promise<void> {
  // A retried step finds the legs it made before (chained to the call after the step began).
  const since = new Date(flow.currentAction?.tmExecute ?? 0).getTime();
  const made = (await calls.findChained([call.id], call.customerId)).some((leg) => leg.tmCreate.getTime() >= since);
  if (made) return;
  const source = action.option.source ?? call.source;
  await callService.create(call.customerId, {
    source: { type: source.type, target: source.target, name: source.name },
    destinations: action.option.destinations.map((destination) => ({ type: destination.type, target: destination.target, name: destination.name })),
    masterCallId: call.id,
  });
}

/**
 * The connect-leg reaction: the first leg to answer is bridged with the call (a mixing bridge)
 * and the other legs are hung up; when no leg is left, the bridge goes and the flow goes on.
 */
export function connectLegReaction(
  deps: ConnectDeps,
  transfers: ConnectTransferPort,
) {
  const { activeflows, calls, callService, media, parse } = deps;
  return async function legChanged(leg: Call): Promise<void> {
    if (!leg.masterCallId || (leg.status !== 'progressing' && leg.status !== 'hangup')) return;
    const flow = await activeflows.findByCall(leg.masterCallId);
    const action = flow?.currentAction ? parse(flow.currentAction, 'current_action') : null;
    if (!flow || action?.type !== 'connect') return;
    const bridgeId = connectBridgeId(flow.id, flow.currentAction?.tmExecute ?? '');
    // This connect's legs are the calls chained since it began (as connectLegs finds them): a leg
    // of an earlier one (a transfer's, before a fallback that connects again) does not move it.
    const since = new Date(flow.currentAction?.tmExecute ?? 0);
    if (leg.tmCreate.getTime() < since.getTime()) return;
    const legs = (await calls.findChained([leg.masterCallId], leg.customerId)).filter((other) => other.tmCreate.getTime() >= since.getTime());
    if (leg.status === 'progressing') {
      // The transferee's answer is the transfer's to bridge.
      if (flow.status !== 'running' || (await transfers.isConsultCall(leg.id))) return;
      await media.createBridge(bridgeId);
      await media.addToBridge(bridgeId, [await calls.channelOf(leg.masterCallId), leg.channelId]);
      for (const other of legs) {
        if (other.id !== leg.id && other.status !== 'hangup') await callService.signal(other.id, { type: 'hangup_requested', reason: 'normal' });
      }
      return;
    }
    if (legs.some((other) => other.status !== 'hangup')) return;
    await media.destroyBridge(bridgeId);
    // A blind transfer that did not reach its transferee decides what the caller does next (its
    // fallback, a hangup): the connect does not move the flow on as well.
    if (await transfers.decidesCaller(leg.masterCallId, since)) return;
    if (flow.status === 'running') await activeflows.advance(flow.id, flow.step);
  };
}
