import type { Call } from '../domain/call';
import type { Activeflow } from '../domain/flow/activeflow';
import type { FlowAction } from '../domain/flow/flow-action';
import type { ParseAction } from '../domain/flow/flow-engine';
import type { Groupcall } from '../domain/groupcall';
import type { ActiveflowService } from '../services/activeflow-service';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { GroupcallService } from '../services/groupcall-service';
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
  groupcalls: Pick<GroupcallService, 'createForCall'>;
  media: FlowMediaPort;
  parse: ParseAction;
}

/**
 * When the flow's current action began, as the database wrote it: a connect's legs are the calls
 * chained to its call since then, which the database compares (calls.findChainedSince), not this process.
 */
const actionStartOf = (flow: Activeflow): string => flow.currentAction?.tmExecute || '1970-01-01T00:00:00Z';

/**
 * The connect action's legs: outgoing calls chained to the call (`master_call_id`). Several
 * destinations ring as a groupcall of the call (its `master_call_id`), whose legs are chained too.
 */
export async function connectLegs({ calls, callService, groupcalls }: Omit<ConnectDeps, 'media' | 'parse' | 'activeflows'>, flow: Activeflow, call: Call, action: ConnectAction): Promise<void> {
  // A retried step finds the legs it made before (chained to the call after the step began), and
  // sends their originate again: an attempt that died between their insert and their originate
  // left them dialing with no channel. Only a leg still dialing is dialled (a linear groupcall's
  // current one; its earlier ones ended), and one dialled already is not dialled twice.
  const made = await calls.findChainedSince(call.id, call.customerId, actionStartOf(flow));
  if (made.length > 0) return callService.dialAgain(made.map((leg) => leg.id));
  const source = action.option.source ?? call.source;
  const destinations = action.option.destinations.map((destination) => ({ type: destination.type, target: destination.target, name: destination.name }));
  const from = { type: source.type, target: source.target, name: source.name };
  if (destinations.length > 1) {
    await groupcalls.createForCall(call, { source: from, destinations, ringMethod: action.option.ringMethod });
    return;
  }
  await callService.create(call.customerId, { source: from, destinations, masterCallId: call.id });
}

/**
 * The connect's reactions. A plain leg (connect-leg): the first to answer is bridged with the
 * call (a mixing bridge) and the other legs are hung up. A groupcall's leg is bridged only once
 * it won the groupcall (groupcall-answer calls `winnerAnswered`), and the connect moves on when
 * the groupcall ended (groupcall-end calls `groupcallEnded`), not at each leg's end: a linear
 * groupcall has no leg up between two destinations. When no leg is left, the bridge goes and the
 * flow goes on.
 */
export function connectReactions(deps: ConnectDeps, transfers: ConnectTransferPort) {
  const { activeflows, calls, callService, media, parse } = deps;

  async function connectOf(masterCallId: string) {
    const flow = await activeflows.findByCall(masterCallId);
    const action = flow?.currentAction ? parse(flow.currentAction, 'current_action') : null;
    if (!flow || action?.type !== 'connect') return null;
    // This connect's legs are the calls chained since it began (as connectLegs finds them): a leg
    // of an earlier one (a transfer's, before a fallback that connects again) does not move it.
    return { flow, since: actionStartOf(flow), bridgeId: connectBridgeId(flow.id, flow.currentAction?.tmExecute ?? '') };
  }

  const legsOf = (masterCallId: string, customerId: string, since: string) => calls.findChainedSince(masterCallId, customerId, since);
  const isLegOf = async (connect: { since: string }, leg: Call & { masterCallId: string }) =>
    (await legsOf(leg.masterCallId, leg.customerId, connect.since)).some((other) => other.id === leg.id);

  async function bridge(leg: Call & { masterCallId: string }, hangupOthers: boolean): Promise<void> {
    const connect = await connectOf(leg.masterCallId);
    if (!connect || !(await isLegOf(connect, leg))) return;
    // The transferee's answer is the transfer's to bridge.
    if (connect.flow.status !== 'running' || (await transfers.isConsultCall(leg.id))) return;
    await media.createBridge(connect.bridgeId);
    await media.addToBridge(connect.bridgeId, [await calls.channelOf(leg.masterCallId), leg.channelId]);
    if (!hangupOthers) return;
    for (const other of await legsOf(leg.masterCallId, leg.customerId, connect.since)) {
      if (other.id !== leg.id && other.status !== 'hangup') await callService.signal(other.id, { type: 'hangup_requested', reason: 'normal' });
    }
  }

  async function finish(masterCallId: string, customerId: string, endedLeg?: Call): Promise<void> {
    const connect = await connectOf(masterCallId);
    if (!connect) return;
    const legs = await legsOf(masterCallId, customerId, connect.since);
    if (endedLeg && !legs.some((other) => other.id === endedLeg.id)) return;
    if (legs.some((other) => other.status !== 'hangup')) return;
    await media.destroyBridge(connect.bridgeId);
    // A blind transfer that did not reach its transferee decides what the caller does next (its
    // fallback, a hangup): the connect does not move the flow on as well.
    if (await transfers.decidesCaller(masterCallId, new Date(connect.since))) return;
    if (connect.flow.status === 'running') await activeflows.advance(connect.flow.id, connect.flow.step);
  }

  return {
    /** connect-leg: a plain leg answered or ended. */
    async legChanged(leg: Call): Promise<void> {
      if (!leg.masterCallId || leg.groupcallId || (leg.status !== 'progressing' && leg.status !== 'hangup')) return;
      if (leg.status === 'progressing') return bridge({ ...leg, masterCallId: leg.masterCallId }, true);
      return finish(leg.masterCallId, leg.customerId, leg);
    },
    /** The winner of a connect's groupcall: bridged with the call (the groupcall cancels the others). */
    async winnerAnswered(leg: Call): Promise<void> {
      if (leg.masterCallId) await bridge({ ...leg, masterCallId: leg.masterCallId }, false);
    },
    /** A connect's groupcall ended: the connect moves on. */
    async groupcallEnded(groupcall: Groupcall): Promise<void> {
      if (groupcall.masterCallId) await finish(groupcall.masterCallId, groupcall.customerId);
    },
  };
}
