import type { FlowAction } from '../../domain/flow/flow-action';
import type { ActionHandler } from './action-handler';

/** sleep: the step's wait job is its end. */
export const sleep: ActionHandler<Extract<FlowAction, { type: 'sleep' }>> = {
  run: (step, action) => step.waitUpTo(action.option.durationMs),
  async waitOver(step) {
    await step.done();
  },
};
