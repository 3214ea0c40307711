import type { ActionStep } from './action-handler';
import { flowPlaybackId } from '../flow-playbacks';

/** Longest a prompt or a media file may play before the step gives up on PlaybackFinished. */
export const PLAYBACK_TIMEOUT_MS = 10 * 60_000;

/** A prompt that outlived its timeout: its playbacks are stopped and the step fails. */
export async function playbackTimedOut(step: ActionStep, playbacks: number): Promise<void> {
  for (let index = 0; index < playbacks; index++) await step.deps.media.stopPlayback(flowPlaybackId(step.flow.id, step.flow.step, index));
  await step.done({ error: 'timed out waiting for the playback to finish' });
}
