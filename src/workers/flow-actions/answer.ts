import type { ActionHandler } from './action-handler';
import type { FlowAction } from '../../domain/flow/flow-action';

/** Longest an answer waits for the incoming channel to report it is up. */
export const ANSWER_TIMEOUT_MS = 30_000;

/**
 * answer: an incoming call is answered when its channel says so (the answer-wait reaction), not
 * when ARI accepted the request: the next action (a recording, say) must find the call progressing.
 */
export const answer: ActionHandler<Extract<FlowAction, { type: 'answer' }>> = {
  async run(step, _action, call) {
    await step.deps.media.answer(call.channelId);
    if (call.direction !== 'incoming' || call.status === 'progressing') return void (await step.done());
    return step.waitUpTo(ANSWER_TIMEOUT_MS);
  },
  async callAnswered(step) {
    await step.done();
  },
};
