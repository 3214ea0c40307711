import type { Call } from '../../domain/call';
import type { Activeflow } from '../../domain/flow/activeflow';
import type { FlowAction } from '../../domain/flow/flow-action';
import type { ActionHandler, FlowExecutorDeps } from './action-handler';

/** recording_start: the flow goes on while the call is recorded; a refusal (409) is the action's error. */
export const recordingStart: ActionHandler<Extract<FlowAction, { type: 'recording_start' }>> = {
  async run(step, action, call) {
    if (!(await recordedInThisStep(step.deps, step.flow, call))) await step.deps.recordings.startWith(call.customerId, call.id, action.option);
    await step.done();
  },
};

export const recordingStop: ActionHandler<Extract<FlowAction, { type: 'recording_stop' }>> = {
  async run(step, _action, call) {
    await step.deps.recordings.stop(call.customerId, call.id);
    await step.done();
  },
};

/**
 * Whether an earlier attempt of this step already started the call's active recording: a
 * retried job must not turn its own success into a 409.
 */
async function recordedInThisStep(deps: FlowExecutorDeps, flow: Activeflow, call: Call): Promise<boolean> {
  if (!call.recordingId) return false;
  const since = new Date(flow.currentAction?.tmExecute ?? 0).getTime();
  return (await deps.recordings.get(call.customerId, call.recordingId)).tmCreate.getTime() >= since;
}
