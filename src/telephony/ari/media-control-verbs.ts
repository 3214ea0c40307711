import type { AriClient } from 'ari-client';
import type { MediaControlPort, MediaControlResult } from '../media-control-port';
import { dtmfPlayoutMs } from '../../domain/dtmf-timing';
import { isAriNotFound } from './ari-errors';
import type { AriRequest } from './ari-request';

/** The MediaControlPort on ARI: `/channels/{id}/hold|moh|silence|mute|dtmf|play`, each one bounded request. */
export function mediaControlVerbs(request: AriRequest): MediaControlPort {
  async function send(call: (ari: AriClient) => Promise<unknown>): Promise<MediaControlResult> {
    try {
      await request(call);
      return 'done';
    } catch (error) {
      if (isAriNotFound(error)) return 'not_found';
      throw error;
    }
  }

  return {
    hold: (channelId, on) => send((ari) => (on ? ari.channels.hold!({ channelId }) : ari.channels.unhold!({ channelId }))),
    musicOnHold: (channelId, on) => send((ari) => (on ? ari.channels.startMoh!({ channelId }) : ari.channels.stopMoh!({ channelId }))),
    ring: (channelId, on) => send((ari) => (on ? ari.channels.ring!({ channelId }) : ari.channels.ringStop!({ channelId }))),
    silence: (channelId, on) => send((ari) => (on ? ari.channels.startSilence!({ channelId }) : ari.channels.stopSilence!({ channelId }))),
    mute: (channelId, direction, on) =>
      send((ari) => (on ? ari.channels.mute!({ channelId, direction }) : ari.channels.unmute!({ channelId, direction }))),
    // Asterisk answers before any tone and drops a string sent while one plays: answer once played.
    sendDtmf: async (channelId, dtmf) => {
      const result = await send((ari) => ari.channels.sendDTMF!({ channelId, dtmf: dtmf.digits, duration: dtmf.durationMs, between: dtmf.intervalMs }));
      if (result === 'done') await new Promise((resolve) => setTimeout(resolve, dtmfPlayoutMs(dtmf)));
      return result;
    },
    playSpeech: (channelId, playbackId, media, language) => send((ari) => ari.channels.play!({ channelId, playbackId, media, lang: language })),
  };
}
