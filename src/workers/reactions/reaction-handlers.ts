import type { ActiveflowService } from '../../services/activeflow-service';
import type { CallService } from '../../services/call-service';
import type { GroupcallService } from '../../services/groupcall-service';
import type { FlowExecutor } from '../flow-executor';
import type { ReactionHandlers } from './reaction-worker';

export interface ReactionHandlerDeps {
  activeflows: Pick<ActiveflowService, 'start' | 'endForCall'>;
  callService: Pick<CallService, 'endChainOfEndingMaster'>;
  flows: Pick<FlowExecutor, 'callAnswered'>;
  groupcalls: Pick<GroupcallService, 'legAnswered' | 'legEnded'>;
  /** The connect action's leg reaction (workers/flow-connect.ts). */
  connectLeg: (leg: Parameters<ReactionHandlers['connect-leg']>[0]) => Promise<void>;
}

/** What each reaction does; every one re-reads what it changes, so running it twice does no harm. */
export function createReactionHandlers(deps: ReactionHandlerDeps): ReactionHandlers {
  return {
    'flow-start': (call) => deps.activeflows.start(call),
    'flow-end': async (call) => void (await deps.activeflows.endForCall(call.id)),
    'answer-wait': (call) => deps.flows.callAnswered(call),
    'connect-leg': (leg) => deps.connectLeg(leg),
    // A leg's creation checks its master (which may have started ending as the leg was chained).
    // The winner's flow starts only once it won (a retry of the winner starts it again: a no-op).
    'groupcall-answer': async (call) => {
      if (await deps.groupcalls.legAnswered(call)) await deps.activeflows.start(call);
    },
    'groupcall-leg-end': (call) => deps.groupcalls.legEnded(call),
    'chain-cascade': (call, event) => deps.callService.endChainOfEndingMaster(event.type === 'call_created' && call.masterCallId ? call.masterCallId : call.id),
  };
}
