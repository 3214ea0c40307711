import type { Logger } from '../platform/logger';
import type { CallLookups, CallService } from '../services/call-service';
import type { HangupCommand, HangupTarget, TelephonyCommands } from '../services/ports';
import type { MediaServer } from '../telephony/media-server';

export interface ChannelHangupDeps {
  media: Pick<MediaServer, 'hangup'>;
  calls: Pick<CallLookups, 'channelOf'>;
  callService: Pick<CallService, 'remember' | 'signal'>;
}

/** The call's facts as the hangup was decided on; absent in hangup jobs queued before they travelled with them. */
export type DecidedCall = Pick<HangupTarget, 'status' | 'direction' | 'hangupRequest' | 'activeflowId'>;

/**
 * Ends a call's channel: the telephony worker's hangup job, and a reaction's direct hangup. The
 * call as decided on is remembered first, so the channel's end it brings is applied without
 * reading the call; a channel already gone brings no ChannelDestroyed, so the call ends here.
 * Safe to run again: a second DELETE finds no channel, and the call has already ended.
 */
export function createChannelHangup({ media, calls, callService }: ChannelHangupDeps) {
  return async function hangUpChannel(callId: string, cause: number, channelId?: string, decided?: DecidedCall): Promise<void> {
    if (decided && channelId) callService.remember({ id: callId, ...decided, channelId });
    if ((await media.hangup(channelId ?? (await calls.channelOf(callId)), cause)) === 'not_found') {
      await callService.signal(callId, { type: 'channel_destroyed', cause });
    }
  };
}

export type ChannelHangup = ReturnType<typeof createChannelHangup>;

/**
 * A hangup sent at once, not through a telephony job, for a caller that is itself a durable job
 * asking again when retried (the groupcall-answer reaction re-asks the hangup of every loser
 * still ending): the loser's channel goes a queue hop sooner. A failed request falls back to the
 * queued job and its retries.
 */
export function hangupNow(hangUpChannel: ChannelHangup, queued: Pick<TelephonyCommands, 'hangup'>, logger: Logger): HangupCommand {
  return async (call, cause) => {
    const { id, channelId, status, direction, hangupRequest, activeflowId } = call;
    try {
      await hangUpChannel(id, cause, channelId, { status, direction, hangupRequest, activeflowId });
    } catch (error) {
      logger.warn({ err: error, callId: id }, 'a direct hangup failed; queued instead');
      await queued.hangup(call, cause);
    }
  };
}
