import type { FlowAction } from '../../domain/flow/flow-action';
import type { ActionHandler } from './action-handler';

/** digits_send: DTMF on the channel; done when the media server took it. */
export const digitsSend: ActionHandler<Extract<FlowAction, { type: 'digits_send' }>> = {
  async run(step, action, call) {
    await step.deps.media.sendDtmf(call.channelId, action.option);
    await step.done();
  },
};
