import type { MediaControlPort } from '../media-control-port';
import type { AriRequest } from './ari-request';

/** The MediaControlPort on ARI: `/channels/{id}/hold|moh|silence|mute|dtmf`, each one bounded request. */
export function mediaControlVerbs(request: AriRequest): MediaControlPort {
  return {
    async hold(channelId, on) {
      await request((ari) => (on ? ari.channels.hold!({ channelId }) : ari.channels.unhold!({ channelId })));
    },
    async musicOnHold(channelId, on) {
      await request((ari) => (on ? ari.channels.startMoh!({ channelId }) : ari.channels.stopMoh!({ channelId })));
    },
    async silence(channelId, on) {
      await request((ari) => (on ? ari.channels.startSilence!({ channelId }) : ari.channels.stopSilence!({ channelId })));
    },
    async mute(channelId, direction, on) {
      await request((ari) => (on ? ari.channels.mute!({ channelId, direction }) : ari.channels.unmute!({ channelId, direction })));
    },
    async sendDtmf(channelId, dtmf) {
      await request((ari) => ari.channels.sendDTMF!({ channelId, dtmf: dtmf.digits, duration: dtmf.durationMs, between: dtmf.intervalMs }));
    },
  };
}
