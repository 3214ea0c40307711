import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { RecordingService } from '../services/recording-service';
import type { MediaEvent, MediaServer } from '../telephony/media-server';

/**
 * Turns the media server's recording events (and the hangups and key presses that end
 * recordings) into recording changes, one after another per recording or channel.
 */
export function startRecordingEventConsumer(media: MediaServer, recordings: RecordingService, logger: Logger, calls: Pick<CallLookups, 'callIdOfChannel'>): void {
  const queues = new Map<string, Promise<void>>();

  function enqueue(key: string, work: () => Promise<unknown>): void {
    const next = (queues.get(key) ?? Promise.resolve())
      .then(work)
      .then(() => undefined)
      .catch((error: unknown) => logger.error({ err: error, key }, 'applying a recording event failed'));
    queues.set(key, next);
    void next.then(() => {
      if (queues.get(key) === next) queues.delete(key);
    });
  }

  async function withCall(channelId: string, work: (callId: string) => Promise<unknown>): Promise<void> {
    const callId = await calls.callIdOfChannel(channelId);
    if (callId) await work(callId);
  }

  function route(event: MediaEvent): [string, () => Promise<void>] | null {
    switch (event.type) {
      case 'recording_started':
        return [event.recordingName, () => recordings.onRecordingStarted(event.recordingName, event.at)];
      case 'recording_finished':
      case 'recording_failed':
        return [event.recordingName, () => recordings.onRecordingFinished(event.recordingName, event.at)];
      // A call's hangup stops its recordings through the media event consumer, which knows
      // from the ended call whether it has any.
      case 'dtmf_received':
        return [event.channelId, async () => withCall(event.channelId, (callId) => recordings.onDtmf(callId, event.digit))];
      default:
        return null;
    }
  }

  media.onEvent((event) => {
    const routed = route(event);
    if (routed) enqueue(routed[0].replace(/-(in|out)$/, ''), routed[1]);
  });
}
