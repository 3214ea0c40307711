import { Queue, type ConnectionOptions } from 'bullmq';
import type { RecordingCommands } from '../services/recording-ports';

export const RECORDING_QUEUE = 'recording';

export type RecordingJob =
  | { name: 'start'; data: { recordingId: string } }
  | { name: 'stop'; data: { recordingId: string } }
  | { name: 'store'; data: { recordingId: string; force: boolean } };

const KEEP = { removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 24 * 3600 } };
const RETRIES = { attempts: 5, backoff: { type: 'exponential', delay: 200 } };

export function createRecordingQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(RECORDING_QUEUE, { connection, prefix, defaultJobOptions: { ...KEEP, ...RETRIES } });
}

/** Deterministic job ids: the same request queued twice is one job. */
export function createQueuedRecordingCommands(queue: Queue): RecordingCommands {
  return {
    async start(recordingId) {
      await queue.add('start', { recordingId }, { jobId: `start_${recordingId}` });
    },
    async stop(recordingId) {
      await queue.add('stop', { recordingId }, { jobId: `stop_${recordingId}` });
    },
    async store(recordingId) {
      await queue.add('store', { recordingId, force: false }, { jobId: `store_${recordingId}` });
    },
    async storeLater(recordingId, delayMs) {
      await queue.add('store', { recordingId, force: true }, { jobId: `store-late_${recordingId}`, delay: delayMs });
    },
  };
}
