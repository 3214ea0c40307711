import type { FlowAction } from '../../domain/flow/flow-action';
import { DIGITS_VARIABLE } from '../../domain/flow/flow-variables';
import { flowPlaybackId } from '../flow-playbacks';
import type { ActionHandler } from './action-handler';
import { PLAYBACK_TIMEOUT_MS, playbackTimedOut } from './playing';

/** talk: speech through the TextToSpeech port; with digits_handle next, a key press skips it. */
export const talk: ActionHandler<Extract<FlowAction, { type: 'talk' }>> = {
  async run(step, action, call) {
    const uri = await step.deps.speech.mediaFor(action.option.text, action.option.language);
    await step.deps.media.play(call.channelId, flowPlaybackId(step.flow.id, step.flow.step, 0), uri, action.option.language);
    return step.waitUpTo(PLAYBACK_TIMEOUT_MS);
  },
  waitOver: (step) => playbackTimedOut(step, 1),
  async playbackFinished(step, _action, _index, failed) {
    await step.done(failed ? { error: 'could not play the prompt' } : {});
  },
  async digit(step, action, digit) {
    if (action.option.digitsHandle !== 'next') return;
    await step.deps.media.stopPlayback(flowPlaybackId(step.flow.id, step.flow.step, 0));
    await step.done({ variables: { [DIGITS_VARIABLE]: (step.flow.variables[DIGITS_VARIABLE] ?? '') + digit } });
  },
};
