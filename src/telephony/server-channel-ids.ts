import type { MediaEvent, MediaServer } from './media-server';

/** A UUID anywhere in the id: the product made the channel (a call's id, a failover attempt's, a snoop's). */
const PRODUCT_MADE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * One media server of several, its own channel ids made unique among them: Asterisk names the
 * channels its dialplan hands over `<epoch>.<n>`, and two servers may hand over the same one. Such
 * an id is known to the product as `<server>:<id>` (what calls.channel_id keeps, what its events
 * carry) and sent to the server as it was; the ids the product chose (they hold a UUID) are the
 * same everywhere. So an event from one server never finds the call of another, and a command on
 * a channel goes where the channel is.
 */
export function withServerChannelIds(name: string, media: MediaServer): MediaServer {
  const prefix = `${name}:`;
  const known = (id: string): string => (PRODUCT_MADE.test(id) ? id : `${prefix}${id}`);
  const own = (id: string): string => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  const heard = (event: MediaEvent): MediaEvent => ('channelId' in event ? { ...event, channelId: known(event.channelId) } : event);

  return {
    ...media,
    onEvent: (listener) => media.onEvent((event) => listener(heard(event))),
    originate: (request) => media.originate({ ...request, channelId: own(request.channelId) }),
    hangup: (channelId, cause) => media.hangup(own(channelId), cause),
    dialIfNeverDialled: (channelId) => media.dialIfNeverDialled(own(channelId)),
    listChannels: async () => (await media.listChannels()).map((channel) => ({ ...channel, id: known(channel.id) })),
    answer: (channelId) => media.answer(own(channelId)),
    play: (channelId, playbackId, uri, language) => media.play(own(channelId), playbackId, uri, language),
    addToBridge: (bridgeId, channelIds) => media.addToBridge(bridgeId, channelIds.map(own)),
    hold: (channelId, on) => media.hold(own(channelId), on),
    musicOnHold: (channelId, on) => media.musicOnHold(own(channelId), on),
    ring: (channelId, on) => media.ring(own(channelId), on),
    silence: (channelId, on) => media.silence(own(channelId), on),
    mute: (channelId, direction, on) => media.mute(own(channelId), direction, on),
    sendDtmf: (channelId, dtmf) => media.sendDtmf(own(channelId), dtmf),
    playSpeech: (channelId, playbackId, uri, language) => media.playSpeech(own(channelId), playbackId, uri, language),
    recordPart: (part) => media.recordPart({ ...part, channelId: own(part.channelId) }),
  };
}
