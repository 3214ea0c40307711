import { pressKey } from '../../domain/flow/digits-input';
import type { FlowAction } from '../../domain/flow/flow-action';
import { DIGITS_VARIABLE } from '../../domain/flow/flow-variables';
import type { ActionHandler } from './action-handler';

/**
 * digits_receive: its digits were reset when it became current; key presses collect until the
 * length or a terminator, or until its duration runs out.
 */
export const digitsReceive: ActionHandler<Extract<FlowAction, { type: 'digits_receive' }>> = {
  run: (step, action) => step.waitUpTo(action.option.durationMs),
  async waitOver(step) {
    await step.done();
  },
  async digit(step, action, digit) {
    const input = pressKey(action.option, step.flow.variables[DIGITS_VARIABLE] ?? '', digit);
    const variables = { ...step.flow.variables, [DIGITS_VARIABLE]: input.digits };
    if (input.done) await step.done({ variables });
    else await step.deps.activeflows.setVariables(step.flow.id, step.flow.step, variables);
  },
};
