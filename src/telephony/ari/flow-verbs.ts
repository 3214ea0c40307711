import type { FlowMediaPort } from '../flow-media-port';
import { ariMessage, isAriNotFound } from './ari-errors';
import type { AriRequest } from './ari-request';

const ignoreNotFound = (error: unknown) => {
  if (!isAriNotFound(error)) throw error;
};

/** The flow actions' verbs on ARI: answer, playbacks, DTMF and mixing bridges. */
export function flowVerbs(request: AriRequest): FlowMediaPort {
  return {
    async answer(channelId) {
      await request((ari) => ari.channels.answer!({ channelId }));
    },
    async play(channelId, playbackId, media, language) {
      try {
        await request((ari) => ari.channels.play!({ channelId, playbackId, media, lang: language }));
      } catch (error) {
        // The same request retried after the first one went through.
        if (!/already exists/i.test(ariMessage(error))) throw error;
      }
    },
    async stopPlayback(playbackId) {
      await request((ari) => ari.playbacks.stop!({ playbackId })).catch(ignoreNotFound);
    },
    async createBridge(bridgeId) {
      // createWithId updates an existing bridge rather than failing: a retry is harmless.
      await request((ari) => ari.bridges.createWithId!({ bridgeId, type: 'mixing' }));
    },
    async addToBridge(bridgeId, channelIds) {
      await request((ari) => ari.bridges.addChannel!({ bridgeId, channel: channelIds.join(',') }));
    },
    async destroyBridge(bridgeId) {
      await request((ari) => ari.bridges.destroy!({ bridgeId })).catch(ignoreNotFound);
    },
  };
}
