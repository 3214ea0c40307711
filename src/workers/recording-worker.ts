import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { Q850 } from '../domain/hangup';
import { ariRecordingName, snoopChannelId, type Recording } from '../domain/recording';
import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { RecordingService } from '../services/recording-service';
import type { FileStore } from '../storage/file-store';
import type { MediaServer } from '../telephony/media-server';
import { buildRecordingFile, storageKeyOf } from './recording-files';
import { RECORDING_QUEUE, type RecordingJob } from './recording-queue';
import { logWorkerErrors } from './worker-errors';

export interface RecordingWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  recordings: Pick<RecordingService, 'findById' | 'markEnded'>;
  calls: CallLookups;
  media: MediaServer;
  files: FileStore;
  logger: Logger;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg' };

/** Carries out recording commands. Every handler re-reads the recording, so a retry does no harm. */
export function createRecordingWorker(deps: RecordingWorkerDeps): Worker {
  const { recordings, calls, media, files, logger } = deps;

  async function load(recordingId: string): Promise<Recording> {
    const recording = await recordings.findById(recordingId);
    if (!recording) throw new UnrecoverableError(`recording ${recordingId} does not exist`);
    return recording;
  }

  async function start(recordingId: string): Promise<void> {
    const recording = await load(recordingId);
    if (recording.status !== 'initiating') return;
    try {
      const channelId = await calls.channelOf(recording.referenceId);
      // The parts start together, as near as the media server allows (the file aligns them by
      // their start times anyway).
      await Promise.all(
        recording.parts.map((part) =>
          media.recordPart({
            channelId,
            snoopId: snoopChannelId(recording.id, part),
            name: ariRecordingName(recording.id, part),
            spy: part,
            maxDurationSeconds: recording.duration,
            maxSilenceSeconds: recording.endOfSilence,
          }),
        ),
      );
    } catch (error) {
      const call = await calls.findById(recording.referenceId);
      if (call?.status !== 'hangup' && call?.status !== 'terminating') throw error;
      // The call ended while its snoops were being made: its hangup stops the recording, which
      // ends with whatever parts did start (or none) — nothing to retry here.
      logger.info({ recordingId, err: error }, 'the call hung up while its recording was starting');
    }
  }

  async function stop(recordingId: string): Promise<void> {
    const recording = await load(recordingId);
    for (const part of recording.parts) {
      await media.stopRecording(ariRecordingName(recording.id, part));
      await media.hangup(snoopChannelId(recording.id, part), Q850.NORMAL_CLEARING);
    }
  }

  async function store(recordingId: string, force: boolean): Promise<void> {
    const recording = await load(recordingId);
    if (recording.status !== 'stopping') return; // stored already, or not stopped
    if (!force && !recording.parts.every((part) => recording.finishedParts.includes(part))) return;
    const file = await buildRecordingFile(recording, media);
    if (!file) {
      logger.warn({ recordingId }, 'the media server has no audio for this recording');
      await recordings.markEnded(recordingId, null);
      return;
    }
    const key = storageKeyOf(recording);
    await files.put(key, file.content, CONTENT_TYPES[recording.format] ?? 'application/octet-stream');
    await recordings.markEnded(recordingId, { name: key, size: file.content.length, durationMs: file.durationMs });
    for (const part of recording.parts) {
      await media.deleteStoredRecording(ariRecordingName(recording.id, part)).catch((error: unknown) => logger.warn({ err: error, recordingId }, 'could not delete a stored recording on the media server'));
    }
  }

  const processor = async (job: Job) => {
    const command = { name: job.name, data: job.data } as RecordingJob;
    switch (command.name) {
      case 'start':
        return start(command.data.recordingId);
      case 'stop':
        return stop(command.data.recordingId);
      case 'store':
        return store(command.data.recordingId, command.data.force);
      default:
        throw new UnrecoverableError(`unknown recording job ${job.name}`);
    }
  };

  const worker = new Worker(RECORDING_QUEUE, processor, { connection: deps.connection, prefix: deps.prefix, concurrency: 20 });
  worker.on('failed', (job, error) => {
    logger.warn({ err: error, jobId: job?.id }, 'recording job failed');
    // A start or a store that failed for good: end the recording (without a file), so it does not
    // stay initiating or stopping forever and the call may record again.
    if ((job?.name === 'start' || job?.name === 'store') && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      const { recordingId } = job.data as { recordingId: string };
      void stop(recordingId)
        .catch((e: unknown) => logger.warn({ err: e, recordingId }, 'could not stop the parts of a failed recording'))
        .then(() => recordings.markEnded(recordingId, null))
        .catch((e: unknown) => logger.error({ err: e, recordingId }, 'ending a failed recording failed'));
    }
  });
  logWorkerErrors(worker, logger, 'recording worker');
  return worker;
}
