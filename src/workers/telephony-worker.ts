import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { mediaDialTimeoutSeconds } from '../domain/dial-timeout';
import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { MediaControlExecutor } from '../services/media-control-executor';
import { endpointFor, type EndpointTemplates } from '../telephony/endpoint';
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

  async function originate(callId: string): Promise<void> {
    const call = await calls.findById(callId);
    if (!call) throw new UnrecoverableError(`call ${callId} does not exist`);
    if (call.status !== 'dialing') return; // hung up before its channel was made, or a retry after success
    await media.originate({
      channelId: call.id,
      endpoint: endpointFor(call.destination, endpoints),
      callerId: call.source.target,
      callerName: call.source.name,
      timeoutSeconds: mediaDialTimeoutSeconds(call.dialTimeoutMs),
    });
    // A hangup that ran while the channel was being made found nothing to end and ended the
    // call; the channel's first ringing or answer then finds the call gone and hangs it up.
  }

  async function hangup({ callId, cause, channelId, call }: Extract<TelephonyJob, { name: 'hangup' }>['data']): Promise<void> {
    // The channel's end, which this hangup brings, can then be applied without reading the call.
    if (call) callService.remember({ id: callId, ...call });
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
