import type { ActiveflowService } from '../../services/activeflow-service';
import type { CallService } from '../../services/call-service';
import type { GroupcallService } from '../../services/groupcall-service';
import type { FlowExecutor } from '../flow-executor';
import type { Call } from '../../domain/call';
import type { Groupcall } from '../../domain/groupcall';
import { groupcallFromRow } from '../../services/groupcall-row';
import { callFromRow } from '../../services/call-row';
import type { HangupCommand } from '../../services/ports';
import type { EagerReactions } from './eager-reactions';
import type { ReactionJobData } from './reaction-queue';
import type { ReactionHandlers } from './reaction-worker';

export interface ReactionHandlerDeps {
  activeflows: Pick<ActiveflowService, 'start' | 'endForCall'>;
  callService: Pick<CallService, 'endChainOfEndingMaster'>;
  flows: Pick<FlowExecutor, 'callAnswered'>;
  groupcalls: Pick<GroupcallService, 'legAnswered' | 'legEnded' | 'nestedEnded'>;
  /** A connect's groupcall ended: the connect moves on (workers/flow-connect.ts). */
  connectGroupcallEnded: (groupcall: Groupcall) => Promise<void>;
  /** The connect action's leg reaction (workers/flow-connect.ts). */
  connectLeg: (leg: Call) => Promise<void>;
  /** The winner of a connect's groupcall: bridged with the call. */
  connectWinner: (leg: Call) => Promise<void>;
  /** The winner of a transfer's groupcall of transferees: the transferee; false when the groupcall is not a transfer's. */
  transferWinner: (leg: Call) => Promise<boolean>;
  /** A transfer's groupcall of transferees ended: with no answer, the transfer fails. */
  transfereesEnded: (groupcall: Groupcall) => Promise<void>;
  /** A call of a transfer changed (workers/transfers/transfer-reactions.ts). */
  transferInput: (call: Call, type: string) => Promise<void>;
  /** A transfer's event: its effects. */
  transferEffects: (event: ReactionJobData) => Promise<void>;
  /** Sends a hangup at once (workers/channel-hangup.ts): the groupcall-answer reaction's losers. */
  hangupNow: HangupCommand;
  /** Makes the channel of the call's current attempt (workers/originate-attempt.ts). */
  originateAttempt: (callId: string) => Promise<unknown>;
  /** The same for the call as just moved (workers/originate-attempt.ts): no read. */
  originateAttemptOf: (call: Call) => Promise<void>;
}

const ofCall =
  (handle: (call: Call, event: ReactionJobData) => Promise<void>) =>
  (event: ReactionJobData): Promise<void> =>
    handle(callFromRow(event.payload), event);

/**
 * The eager ones on the call as moved. The winner's flow starts only once it won (a retry of the
 * winner starts it again: a no-op); a groupcall of a call has no flow: its winner is the
 * transferee of a transfer's, or is bridged with the call a connect rang it for. The losers'
 * hangups are sent at once (a retry asks for them again).
 */
export function createEagerReactions(deps: ReactionHandlerDeps): EagerReactions {
  return {
    'groupcall-answer': async (call) => {
      if (!(await deps.groupcalls.legAnswered(call, deps.hangupNow))) return;
      if (!call.masterCallId) return deps.activeflows.start(call);
      if (!(await deps.transferWinner(call))) await deps.connectWinner(call);
    },
    // Run at once on the call as just moved, the channel is made without reading the call.
    'failover-dial': (call) => deps.originateAttemptOf(call),
  };
}

/** What each reaction does; every one re-reads what it changes, so running it twice does no harm. */
export function createReactionHandlers(deps: ReactionHandlerDeps, eager: EagerReactions = createEagerReactions(deps)): ReactionHandlers {
  return {
    'flow-start': ofCall((call) => deps.activeflows.start(call)),
    'flow-end': ofCall(async (call) => void (await deps.activeflows.endForCall(call.id))),
    // The step ends only if the flow is still on it; a later answer action finds the call up and does not wait.
    'answer-wait': ofCall((call) => deps.flows.callAnswered(call)),
    'connect-leg': ofCall((leg) => deps.connectLeg(leg)),
    'groupcall-answer': ofCall((call) => eager['groupcall-answer'](call)),
    'groupcall-leg-end': ofCall((call) => deps.groupcalls.legEnded(call)),
    'groupcall-end': async (event) => {
      const groupcall = groupcallFromRow(event.payload);
      if (groupcall.masterGroupcallId) await deps.groupcalls.nestedEnded(groupcall);
      if (groupcall.masterCallId) {
        // A transfer's: the transfer decides first, so its caller's connect finds it failed.
        await deps.transfereesEnded(groupcall);
        await deps.connectGroupcallEnded(groupcall);
      }
    },
    // A leg's creation checks its master (which may have started ending as the leg was chained).
    'chain-cascade': ofCall((call, event) =>
      deps.callService.endChainOfEndingMaster(event.type === 'call_created' && call.masterCallId ? call.masterCallId : call.id),
    ),
    'transfer-input': ofCall((call, event) => deps.transferInput(call, event.type)),
    'transfer-effects': (event) => deps.transferEffects(event),
    // Its job may run long after the change (a crash): the originate re-reads the call; it makes the
    // current attempt's channel, and a channel made before is not dialled again (its mark).
    'failover-dial': ofCall(async (call) => void (await deps.originateAttempt(call.id))),
  };
}
