import type { FlowAction } from '../../domain/flow/flow-action';
import { flowPlaybackId, streamMedia } from '../flow-playbacks';
import type { ActionHandler } from './action-handler';
import { PLAYBACK_TIMEOUT_MS, playbackTimedOut } from './playing';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** play: each stream URL in turn; the step ends after the last, or at the first that fails. */
export const play: ActionHandler<Extract<FlowAction, { type: 'play' }>> = {
  async run(step, action, call) {
    const first = action.option.streamUrls[0];
    if (first === undefined) return void (await step.done());
    await step.deps.media.play(call.channelId, flowPlaybackId(step.flow.id, step.flow.step, 0), streamMedia(first), 'en');
    return step.waitUpTo(PLAYBACK_TIMEOUT_MS);
  },
  waitOver: (step, action) => playbackTimedOut(step, action.option.streamUrls.length),
  async playbackFinished(step, action, index, failed) {
    if (failed) return void (await step.done({ error: `could not play ${action.option.streamUrls[index]}` }));
    const nextUrl = action.option.streamUrls[index + 1];
    if (nextUrl === undefined) return void (await step.done());
    try {
      const channel = await step.deps.calls.channelOf(step.flow.referenceId);
      await step.deps.media.play(channel, flowPlaybackId(step.flow.id, step.flow.step, index + 1), streamMedia(nextUrl), 'en');
    } catch (error) {
      await step.done({ error: message(error) });
    }
  },
};
