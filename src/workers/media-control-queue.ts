import { randomUUID } from 'node:crypto';
import { QueueEvents, type ConnectionOptions, type Queue } from 'bullmq';
import { AppError } from '../domain/errors';
import { controlPlayoutMs } from '../domain/media-control';
import type { MediaControlCommands, MediaControlJob, MediaControlOutcome } from '../services/media-control-ports';
import { TELEPHONY_QUEUE } from './telephony-queue';

export const MEDIA_CONTROL_JOB = 'media-control';

/** One bounded ARI request (10 s) plus time for a worker to take the job. */
const WAIT_MS = 15_000;

/**
 * The API's side of media controls: a job on the telephony queue that the API waits for. One job
 * per request and no retries: a request answers once (DTMF sent twice would be heard twice); the
 * job carries a deadline so a job no one waited for is never carried out late.
 */
export async function createQueuedMediaControls(queue: Queue, connection: ConnectionOptions, prefix: string) {
  // Made at the first control, not at start: it reads every event of the telephony queue, which
  // costs a process that never carries a media control out (a worker) CPU on every call.
  let events: Promise<QueueEvents> | null = null;
  const listening = (): Promise<QueueEvents> => {
    if (!events) {
      const created = new QueueEvents(TELEPHONY_QUEUE, { connection, prefix });
      events = created.waitUntilReady().then(() => created);
    }
    return events;
  };
  const commands: MediaControlCommands = {
    async run(callId, control): Promise<MediaControlOutcome> {
      const ready = await listening();
      const data: MediaControlJob = { callId, control, deadline: Date.now() + WAIT_MS };
      const job = await queue.add(MEDIA_CONTROL_JOB, data, { jobId: `media-control_${callId}_${randomUUID()}`, attempts: 1 });
      try {
        // DTMF answers once its digits have played.
        return (await job.waitUntilFinished(ready, WAIT_MS + controlPlayoutMs(control))) as MediaControlOutcome;
      } catch (error) {
        throw new AppError('SERVICE_UNAVAILABLE', `The media server did not carry the request out: ${(error as Error).message}`);
      }
    },
  };
  return { commands, close: async () => (events ? (await events).close() : undefined) };
}
