import type { Logger } from '../platform/logger';
import { isUuid } from '../services/ids';
import type { RecordingService } from '../services/recording-service';
import type { MediaEvent, MediaServer } from '../telephony/media-server';

/**
 * Turns the media server's recording events (and the hangups and key presses that end
 * recordings) into recording changes, one after another per recording or channel.
 */
export function startRecordingEventConsumer(media: MediaServer, recordings: RecordingService, logger: Logger): void {
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

  function route(event: MediaEvent): [string, () => Promise<void>] | null {
    switch (event.type) {
      case 'recording_started':
        return [event.recordingName, () => recordings.onRecordingStarted(event.recordingName, event.at)];
      case 'recording_finished':
      case 'recording_failed':
        return [event.recordingName, () => recordings.onRecordingFinished(event.recordingName, event.at)];
      case 'channel_destroyed':
        return isUuid(event.channelId) ? [event.channelId, () => recordings.onCallEnded(event.channelId)] : null;
      case 'dtmf_received':
        return isUuid(event.channelId) ? [event.channelId, () => recordings.onDtmf(event.channelId, event.digit)] : null;
      default:
        return null;
    }
  }

  media.onEvent((event) => {
    const routed = route(event);
    if (routed) enqueue(routed[0].replace(/-(in|out)$/, ''), routed[1]);
  });
}
