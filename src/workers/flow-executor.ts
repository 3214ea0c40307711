import type { Call } from '../domain/call';
import { DECIDED_ACTION_TYPES, type CallActionType } from '../domain/flow/action-types';
import type { Activeflow } from '../domain/flow/activeflow';
import type { FlowAction } from '../domain/flow/flow-action';
import type { StepOutcome } from '../services/activeflow-service';
import type { ActionHandler, ActionStep, FlowExecutorDeps } from './flow-actions/action-handler';

export type { FlowExecutorDeps };
import { ACTION_HANDLERS } from './flow-actions';
import { parseFlowPlaybackId } from './flow-playbacks';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const isCallAction = (action: FlowAction): action is Extract<FlowAction, { type: CallActionType }> =>
  !(DECIDED_ACTION_TYPES as readonly string[]).includes(action.type);

/**
 * Carries out the current action of an activeflow on its call, one step at a time, through the
 * action's handler (src/workers/flow-actions/). Nothing is kept in memory between steps: a step's
 * wait ends on a media event (PlaybackFinished, DTMF, a leg's change) or on its wait job,
 * whichever comes first, and each re-reads the activeflow.
 */
export function createFlowExecutor(deps: FlowExecutorDeps) {
  const { activeflows, calls, jobs, parse, logger } = deps;

  const actionOf = (flow: Activeflow): FlowAction | null => (flow.currentAction ? parse(flow.currentAction, 'current_action') : null);
  const atStep = (flow: Activeflow | null, step: number): flow is Activeflow => flow?.status === 'running' && flow.step === step;

  const stepOf = (flow: Activeflow): ActionStep => ({
    flow,
    deps,
    done: (outcome: StepOutcome = {}) => activeflows.advance(flow.id, flow.step, outcome),
    async waitUpTo(delayMs) {
      await jobs.scheduleWait(flow.id, flow.step, delayMs);
      if (!atStep(await activeflows.findById(flow.id), flow.step)) await jobs.cancelWait(flow.id, flow.step);
    },
  });

  /** The handler of the flow's current action, with the action; null when it has none. */
  function handlerOf(flow: Activeflow): { handler: ActionHandler<FlowAction>; action: FlowAction } | null {
    const action = actionOf(flow);
    if (!action || !isCallAction(action)) return null;
    return { handler: ACTION_HANDLERS[action.type] as ActionHandler<FlowAction>, action };
  }

  return {
    /** The run job of a step. */
    async runStep(activeflowId: string, step: number): Promise<void> {
      const flow = await activeflows.findById(activeflowId);
      if (!atStep(flow, step)) return;
      const call = await calls.findById(flow.referenceId);
      if (!call || call.status === 'hangup') {
        await activeflows.endForCall(flow.referenceId);
        return;
      }
      let action: FlowAction | null;
      try {
        action = actionOf(flow);
      } catch (error) {
        await activeflows.advance(flow.id, step, { error: message(error) });
        return;
      }
      if (!action) return;
      if (!isCallAction(action)) return void (await activeflows.advance(flow.id, step, { error: `${action.type} is not carried out on a call` }));
      try {
        await (ACTION_HANDLERS[action.type] as ActionHandler<FlowAction>).run(stepOf(flow), action, call);
      } catch (error) {
        // An action that fails moves the flow on, with its error on record.
        logger.info({ err: error, activeflowId, step, type: action.type }, 'flow action failed');
        if (atStep(await activeflows.findById(activeflowId), step)) await activeflows.advance(flow.id, step, { error: message(error) });
      }
    },

    /** The wait job of a step: its timeout (or a sleep's end). */
    async waitOver(activeflowId: string, step: number): Promise<void> {
      const flow = await activeflows.findById(activeflowId);
      if (!atStep(flow, step)) return;
      const current = handlerOf(flow);
      if (current?.handler.waitOver) return current.handler.waitOver(stepOf(flow), current.action);
      await activeflows.advance(flow.id, step, { error: `${current?.action.type ?? 'the action'} timed out` });
    },

    async playbackFinished(playbackId: string, failed: boolean): Promise<void> {
      const ids = parseFlowPlaybackId(playbackId);
      if (!ids) return;
      const flow = await activeflows.findById(ids.activeflowId);
      if (!atStep(flow, ids.step)) return;
      const current = handlerOf(flow);
      if (current?.handler.playbackFinished) return current.handler.playbackFinished(stepOf(flow), current.action, ids.index, failed);
      await activeflows.advance(flow.id, ids.step, failed ? { error: 'could not play the media' } : {});
    },

    /**
     * The call's channel is going: its flow ends now, before the media on it reports finishing
     * (a prompt cut off by the hangup must not move the flow on to its next action).
     */
    async hangingUp(callId: string): Promise<void> {
      await activeflows.endForCall(callId);
    },

    /** A key the far end pressed: input for the current action, if it takes keys. */
    async digitPressed(callId: string, digit: string): Promise<void> {
      const flow = await activeflows.findByCall(callId);
      if (!flow || flow.status !== 'running') return;
      const current = handlerOf(flow);
      await current?.handler.digit?.(stepOf(flow), current.action, digit);
    },

    /** The answer-wait reaction: an incoming call now progressing completes its flow's answer action. */
    async callAnswered(call: Call): Promise<void> {
      if (call.status !== 'progressing' || call.direction !== 'incoming') return;
      const flow = await activeflows.findByCall(call.id);
      if (flow?.status !== 'running') return;
      const current = handlerOf(flow);
      await current?.handler.callAnswered?.(stepOf(flow), current.action);
    },
  };
}

export type FlowExecutor = ReturnType<typeof createFlowExecutor>;
