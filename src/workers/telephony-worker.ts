import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { MediaControlExecutor } from '../services/media-control-executor';
import type { EndpointTemplates } from '../telephony/endpoint';
import { createAttemptOriginator } from './originate-attempt';
import type { MediaServer } from '../telephony/media-server';
import { TELEPHONY_QUEUE, type TelephonyJob } from './telephony-queue';
import { logWorkerErrors } from './worker-errors';

export interface TelephonyWorkerDeps {
  connection: ConnectionOptions;
  prefix: string;
  calls: CallLookups;
  callService: CallService;
  media: MediaServer;
  endpoints: EndpointTemplates;
  logger: Logger;
  executeMediaControl: MediaControlExecutor;
  concurrency?: number;
}

/** Carries out telephony commands. Every handler re-reads the call, so a retry does no harm. */
export function createTelephonyWorker(deps: TelephonyWorkerDeps): Worker {
  const { calls, callService, media, endpoints, logger } = deps;

  const originateAttempt = createAttemptOriginator({ calls, media, endpoints });

  async function originate(callId: string): Promise<void> {
    // Hung up before its channel was made, or a retry after success: nothing to make.
    if (!(await originateAttempt(callId))) throw new UnrecoverableError(`call ${callId} does not exist`);
  }

  async function hangup({ callId, cause, channelId, call }: Extract<TelephonyJob, { name: 'hangup' }>['data']): Promise<void> {
    // The channel's end, which this hangup brings, can then be applied without reading the call.
    if (call && channelId) callService.remember({ id: callId, ...call, channelId });
    if ((await media.hangup(channelId ?? (await calls.channelOf(callId)), cause)) === 'not_found') {
      // No channel to destroy, so no ChannelDestroyed will come: the call ends here.
      await callService.signal(callId, { type: 'channel_destroyed', cause });
    }
  }

  const processor = async (job: Job) => {
    const command = { name: job.name, data: job.data } as TelephonyJob;
    switch (command.name) {
      case 'originate':
        return originate(command.data.callId);
      case 'hangup':
        return hangup(command.data);
      case 'dial-timeout':
        await callService.signal(command.data.callId, { type: 'dial_timeout' });
        return;
      case 'media-control':
        return deps.executeMediaControl(command.data);
      default:
        throw new UnrecoverableError(`unknown telephony job ${job.name}`);
    }
  };

  const worker = new Worker(TELEPHONY_QUEUE, processor, {
    connection: deps.connection,
    prefix: deps.prefix,
    concurrency: deps.concurrency ?? 50,
  });
  worker.on('failed', (job, error) => logger.warn({ err: error, jobId: job?.id }, 'telephony job failed'));
  logWorkerErrors(worker, logger, 'telephony worker');
  return worker;
}
