import type { FlowAction } from '../../domain/flow/flow-action';
import type { ActionHandler } from './action-handler';

/** hangup: the call is hung up; the flow ends when the call does (the flow-end reaction). */
export const hangup: ActionHandler<Extract<FlowAction, { type: 'hangup' }>> = {
  async run(step, action, call) {
    await step.deps.callService.signal(call.id, { type: 'hangup_requested', reason: action.option.reason ?? 'normal' });
  },
};
