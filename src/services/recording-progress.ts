import { endsOnKey, parseAriRecordingName, type Recording } from '../domain/recording';
import type { Logger } from '../platform/logger';
import type { CallRepository } from '../persistence/call-repository';
import type { RecordingCommands } from './recording-ports';
import type { RecordingRepository } from '../persistence/recording-repository';

/** How long a stopped recording waits for its parts' RecordingFinished before it is stored anyway. */
export const STORE_SAFETY_DELAY_MS = 15_000;

export interface RecordingProgressDeps {
  recordings: RecordingRepository;
  calls: CallRepository;
  commands: RecordingCommands;
  logger: Logger;
}

/**
 * How recordings move after they start: what the media server tells (through the recording
 * event consumer), the hangups and key presses that end them, and the stop they all share.
 */
export function createRecordingProgress(deps: RecordingProgressDeps) {
  const { recordings, calls, commands, logger } = deps;

  async function stopRecording(recording: Recording): Promise<Recording> {
    const stopping = await recordings.markStopping(recording.id);
    if (!stopping) return (await recordings.findById(recording.id)) ?? recording;
    await commands.stop(stopping.id);
    await commands.storeLater(stopping.id, STORE_SAFETY_DELAY_MS);
    return stopping;
  }

  return {
    stopRecording,

    /** `at`: the media server's time of the event, so tm_start/tm_end match the audio. */
    async onRecordingStarted(ariName: string, at: Date | null): Promise<void> {
      const parsed = parseAriRecordingName(ariName);
      if (parsed) await recordings.markRecording(parsed.recordingId, parsed.part, at);
    },

    /** One part is finished (or failed): when all are, the file can be made. */
    async onRecordingFinished(ariName: string, at: Date | null): Promise<void> {
      const parsed = parseAriRecordingName(ariName);
      if (!parsed) return;
      const before = await recordings.findById(parsed.recordingId);
      const recording = await recordings.partFinished(parsed.recordingId, parsed.part, at);
      if (!recording) return;
      if (before && before.status !== 'stopping') {
        // It ended on its own (duration, silence, the call gone): stop the other parts too.
        await commands.stop(recording.id);
        await commands.storeLater(recording.id, STORE_SAFETY_DELAY_MS);
      }
      if (recording.parts.every((part) => recording.finishedParts.includes(part))) await commands.store(recording.id);
    },

    /** Hangup stops the call's recordings; they still end with their files. */
    async onCallEnded(callId: string): Promise<void> {
      for (const recording of await recordings.findUnendedOfCall(callId)) await stopRecording(recording);
    },

    /** A key press ends the active recording when it is one of its end keys. */
    async onDtmf(callId: string, digit: string): Promise<void> {
      const call = await calls.findById(callId);
      const active = call?.recordingId ? await recordings.findById(call.recordingId) : null;
      if (active && endsOnKey(active, digit)) {
        logger.debug({ recordingId: active.id, digit }, 'end key pressed: stopping the recording');
        await stopRecording(active);
      }
    },
  };
}
