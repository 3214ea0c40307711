import type { FlowAction } from '../../domain/flow/flow-action';
import { CONNECT_TIMEOUT_MS, connectLegs } from '../flow-connect';
import type { ActionHandler } from './action-handler';

/** connect: legs chained to the call; the connect-leg reaction bridges the first to answer. */
export const connect: ActionHandler<Extract<FlowAction, { type: 'connect' }>> = {
  async run(step, action, call) {
    await connectLegs(step.deps, step.flow, call, action);
    return step.waitUpTo(CONNECT_TIMEOUT_MS);
  },
};
