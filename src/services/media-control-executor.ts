import { mediaStateAfter, type MediaControl } from '../domain/media-control';
import type { PrismaClient } from '../platform/database';
import type { MediaControlPort, MediaControlResult } from '../telephony/media-control-port';
import type { MediaControlJob, MediaControlOutcome } from './media-control-ports';
import { mediaControlRepository as repo } from './media-control-repository';

/** Longer than one bounded ARI request (10 s), so the request's own timeout decides. */
const TRANSACTION_TIMEOUT_MS = 15_000;

/**
 * The worker side of a media control. Order: the media server first, then the record. Under the
 * call's media lock it re-reads the call, asks the media server (one bounded request) and only
 * when that succeeded records the new state with its event. A failed or refused request leaves
 * the Call as it was, so the Call never claims an effect the far end does not have.
 */
export function createMediaControlExecutor(prisma: PrismaClient, media: MediaControlPort) {
  return async function execute(job: MediaControlJob): Promise<MediaControlOutcome> {
    if (Date.now() > job.deadline) return { result: 'expired' };
    return prisma.$transaction(
      async (tx) => {
        await repo.lock(tx, job.callId);
        const call = await repo.find(tx, job.callId);
        if (!call || call.status !== 'progressing') return { result: 'not_progressing', status: call?.status ?? 'hangup' };
        if ((await send(media, job.callId, job.control)) === 'not_found') return { result: 'channel_gone' };
        // A hangup may have won meanwhile; its channel is gone with whatever we did to it.
        const recorded = await repo.record(tx, job.callId, mediaStateAfter(call, job.control));
        if (recorded || job.control.type === 'dtmf') return { result: 'applied' };
        const fresh = await repo.find(tx, job.callId);
        return fresh?.status === 'progressing' ? { result: 'applied' } : { result: 'not_progressing', status: fresh?.status ?? 'hangup' };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  };
}

export type MediaControlExecutor = ReturnType<typeof createMediaControlExecutor>;

function send(media: MediaControlPort, channelId: string, control: MediaControl): Promise<MediaControlResult> {
  switch (control.type) {
    case 'hold':
      return media.hold(channelId, control.on);
    case 'moh':
      return media.musicOnHold(channelId, control.on);
    case 'silence':
      return media.silence(channelId, control.on);
    case 'mute':
      return media.mute(channelId, control.direction, control.on);
    case 'dtmf':
      return media.sendDtmf(channelId, control.dtmf);
  }
}
