import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../platform/logger';
import type { CallLookups } from '../services/call-service';
import type { CallService } from '../services/call-service';
import type { MediaControlExecutor } from '../services/media-control-executor';
import type { EndpointTemplates } from '../telephony/endpoint';
import { createAttemptOriginator } from './originate-attempt';
import { createChannelHangup } from './channel-hangup';
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
  /** How long a job is held before another worker may take it (its worker died). */
  lockMs?: number;
}

/** Carries out telephony commands. Every handler re-reads the call, so a retry does no harm. */
export function createTelephonyWorker(deps: TelephonyWorkerDeps): Worker {
  const { calls, callService, media, endpoints, logger } = deps;

  const originateAttempt = createAttemptOriginator({ calls, media, endpoints });

  async function originate(callId: string): Promise<void> {
    // Hung up before its channel was made, or a retry after success: nothing to make.
    if (!(await originateAttempt(callId))) throw new UnrecoverableError(`call ${callId} does not exist`);
  }

  const hangUpChannel = createChannelHangup({ media, calls, callService });
  const hangup = ({ callId, cause, channelId, call }: Extract<TelephonyJob, { name: 'hangup' }>['data']) =>
    hangUpChannel(callId, cause, channelId, call);

  /**
   * An originate that fails on its last attempt ends the call at once (local, failed, with the
   * error as its hangup detail) instead of leaving it dialing until its dial timeout. Done in
   * the job itself, so a crash before it is done runs the job (and this) again.
   */
  async function originateOrGiveUp(job: Job, callId: string): Promise<void> {
    try {
      await originate(callId);
    } catch (error) {
      const attempts = job.opts.attempts ?? 1;
      if (error instanceof UnrecoverableError || job.attemptsMade + 1 < attempts) throw error;
      await gaveUp(callId, attempts, error);
      throw error;
    }
  }

  async function gaveUp(callId: string, attempts: number, error: unknown): Promise<void> {
    const why = error instanceof Error ? error.message : String(error);
    logger.warn({ callId, attempts, err: error }, 'the call could not be originated; ending it as failed');
    await callService.signal(callId, { type: 'originate_failed', detail: `The call could not be originated after ${attempts} attempts: ${why}` });
  }

  const processor = async (job: Job) => {
    const command = { name: job.name, data: job.data } as TelephonyJob;
    switch (command.name) {
      case 'originate':
        return originateOrGiveUp(job, command.data.callId);
      case 'hangup':
        return hangup(command.data);
      case 'dial-timeout':
        // Queued by a version before the dial deadline's sweep (a delayed job may outlive an upgrade).
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
    // Every telephony job is safe to run again: one whose worker died (or was too busy to keep
    // its lock) is run again up to five times before it counts as failed.
    maxStalledCount: 5,
    ...(deps.lockMs ? { lockDuration: deps.lockMs, stalledInterval: deps.lockMs } : {}),
  });
  // An originate that stalled too often (its workers died, or were too busy to keep the lock)
  // may still have made its channel: its call is left to its channel's events or dial timeout.
  worker.on('failed', (job, error) => logger.warn({ err: error, jobId: job?.id }, 'telephony job failed'));
  logWorkerErrors(worker, logger, 'telephony worker');
  return worker;
}
