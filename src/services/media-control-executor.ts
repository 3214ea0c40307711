import { changesMediaState, controlPlayoutMs, mediaStateAfter, type MediaControl } from '../domain/media-control';
import type { PrismaClient } from '../persistence/database';
import type { MediaControlPort, MediaControlResult } from '../telephony/media-control-port';
import type { TextToSpeech } from '../telephony/text-to-speech';
import type { MediaControlJob, MediaControlOutcome } from './media-control-ports';
import { mediaControlRepository as repo } from '../persistence/media-control-repository';

/** Longer than one bounded ARI request (10 s), so the request's own timeout decides. */
const TRANSACTION_TIMEOUT_MS = 15_000;

/**
 * The worker side of a media control. Order: the media server first, then the record. Under the
 * call's media lock it re-reads the call, asks the media server (one bounded request) and only
 * when that succeeded records the new state with its event. A failed or refused request leaves
 * the Call as it was, so the Call never claims an effect the far end does not have.
 * Talk's speech is synthesized (the flow's TextToSpeech) before the lock is taken: synthesis may
 * take seconds on espeak-ng and needs nothing of the call, so other controls do not wait for it.
 */
export function createMediaControlExecutor(prisma: PrismaClient, media: MediaControlPort, speech: TextToSpeech) {
  return async function execute(job: MediaControlJob): Promise<MediaControlOutcome> {
    if (Date.now() > job.deadline) return { result: 'expired' };
    const { control } = job;
    const speechMedia = control.type === 'talk' ? await speech.mediaFor(control.speech.text, control.speech.language) : '';
    // Its requester stops waiting at the deadline: speech that took that long is not played late.
    if (Date.now() > job.deadline) return { result: 'expired' };
    return prisma.$transaction(
      async (tx) => {
        await repo.lock(tx, job.callId);
        const call = await repo.find(tx, job.callId);
        if (!call || call.status !== 'progressing') return { result: 'not_progressing', status: call?.status ?? 'hangup' };
        if ((await send(media, call.channelId, control, speechMedia)) === 'not_found') return { result: 'channel_gone' };
        // A hangup may have won meanwhile; its channel is gone with whatever we did to it.
        const recorded = await repo.record(tx, job.callId, mediaStateAfter(call, control));
        if (recorded || !changesMediaState(control)) return { result: 'applied' };
        const fresh = await repo.find(tx, job.callId);
        return fresh?.status === 'progressing' ? { result: 'applied' } : { result: 'not_progressing', status: fresh?.status ?? 'hangup' };
      },
      // DTMF holds the lock until its digits have played, so the next control on the call follows them.
      { timeout: TRANSACTION_TIMEOUT_MS + controlPlayoutMs(control), maxWait: TRANSACTION_TIMEOUT_MS },
    );
  };
}

export type MediaControlExecutor = ReturnType<typeof createMediaControlExecutor>;

/** `speechMedia`: for talk, the media URI its text was synthesized into. */
function send(media: MediaControlPort, channelId: string, control: MediaControl, speechMedia: string): Promise<MediaControlResult> {
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
    case 'talk':
      return media.playSpeech(channelId, control.playbackId, speechMedia, control.speech.language);
  }
}
