import { Queue, type ConnectionOptions } from 'bullmq';
import type { MediaControlJob } from '../services/media-control-ports';
import type { CallFacts } from '../domain/call-lifecycle';
import type { TelephonyCommands } from '../services/ports';

export const TELEPHONY_QUEUE = 'telephony';

export type TelephonyJob =
  | { name: 'originate'; data: { callId: string } }
  /** `channelId` and `call` (the facts the hangup was decided on) are absent in jobs queued before they were added. */
  | { name: 'hangup'; data: { callId: string; cause: number; channelId?: string; call?: Pick<CallFacts, 'status' | 'direction' | 'hangupRequest'> & { activeflowId: string | null } } }
  /** No longer queued (the dial deadline's sweep replaced it); a job left from before still runs. */
  | { name: 'dial-timeout'; data: { callId: string } }
  | { name: 'media-control'; data: MediaControlJob };

export type TelephonyJobName = TelephonyJob['name'];

/** Completed jobs are kept a while so a duplicate add with the same id is a no-op. */
const KEEP = { removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 24 * 3600 } };
const RETRIES = { attempts: 5, backoff: { type: 'exponential', delay: 200 } };

export function createTelephonyQueue(connection: ConnectionOptions, prefix: string): Queue {
  return new Queue(TELEPHONY_QUEUE, { connection, prefix, defaultJobOptions: { ...KEEP, ...RETRIES } });
}

/** The producer side of the telephony commands: deterministic job ids make them idempotent. */
export function createQueuedTelephonyCommands(queue: Queue): TelephonyCommands {
  return {
    async originate(callId) {
      await queue.add('originate', { callId }, { jobId: `originate_${callId}` });
    },
    async hangup(call, cause) {
      const facts = { status: call.status, direction: call.direction, hangupRequest: call.hangupRequest, activeflowId: call.activeflowId };
      await queue.add('hangup', { callId: call.id, cause, channelId: call.channelId, call: facts }, { jobId: `hangup_${call.id}_${call.eventSeq}` });
    },
  };
}
