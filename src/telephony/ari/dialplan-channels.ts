import { Q850 } from '../../domain/hangup';
import { OUTGOING_CHANNEL_ARG } from '../media-server';
import { SNOOP_CHANNEL_ARG } from '../recording-port';
import type { AriChannel, AriEvent } from './ari-events';

/** The Stasis arguments of a channel, from its dialplan (`Stasis(opencall,inbound)` → `['inbound']`). */
const stasisArgs = (channel: AriChannel): string[] => (channel.dialplan?.app_data ?? '').split(',').slice(1);

/**
 * A channel that entered the application from the dialplan (an incoming call), not one it made:
 * only these need a subscription to bring ChannelDestroyed (traces inbound-local-stasis-app-hangup-*).
 */
export function enteredFromDialplan(args: string[]): boolean {
  return args[0] !== OUTGOING_CHANNEL_ARG && args[0] !== SNOOP_CHANNEL_ARG;
}

/**
 * Channels from the dialplan, from StasisStart to their end. The adapter subscribes to each at
 * its StasisStart so that ChannelDestroyed brings the real cause; a channel whose subscription
 * failed, or whose StasisStart was missed (the event stream was down), gets no ChannelDestroyed:
 * it ends at its StasisEnd with the cause of its hangup request, the one the application asked
 * for, 0 for a SIP caller's BYE (a request without a cause), or normal clearing.
 */
export function createDialplanChannels() {
  const subscriptions = new Map<string, Promise<boolean>>();
  const causes = new Map<string, number>();

  return {
    /** The subscription request for a channel that just entered: resolves whether it was made. */
    subscribing(channelId: string, subscription: Promise<boolean>): void {
      subscriptions.set(channelId, subscription);
    },

    /** The application hangs the channel up with this cause. */
    hangingUp(channelId: string, cause: number): void {
      causes.set(channelId, cause);
    },

    /** A ChannelHangupRequest: its cause, unless a soft one (32 is a flag) or the app's own came first. */
    hangupRequested(raw: AriEvent): void {
      const channelId = raw.channel?.id;
      if (!channelId || causes.has(channelId) || raw.soft) return;
      causes.set(channelId, raw.cause ?? Q850.UNKNOWN);
    },

    /**
     * At StasisEnd: the cause to end the channel with now, or null when ChannelDestroyed will
     * come (a channel the app made, or one it subscribed to).
     */
    async stasisEnded(channel: AriChannel): Promise<number | null> {
      if (!enteredFromDialplan(stasisArgs(channel))) return null;
      const subscribed = await (subscriptions.get(channel.id) ?? Promise.resolve(false));
      if (subscribed) return null;
      const cause = causes.get(channel.id) ?? Q850.NORMAL_CLEARING;
      this.forget(channel.id);
      return cause;
    },

    forget(channelId: string): void {
      subscriptions.delete(channelId);
      causes.delete(channelId);
    },
  };
}

export type DialplanChannels = ReturnType<typeof createDialplanChannels>;
