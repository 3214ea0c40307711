import type { ChannelSnapshot, MediaServer } from './media-server';
import { BoundedMap } from '../domain/bounded-map';

export interface PooledMediaServer {
  /** Its name in ARI_URL: what a call remembers (calls.media_server). */
  name: string;
  media: MediaServer;
}

/** Where calls are: the one place the pool learns which media server a channel is on. */
export interface CallPlacement {
  /** Places the call of this channel (an originate) and answers the server's name. */
  place(channelId: string): Promise<string | null>;
  /** The server of a channel's call (null: the first listed); `unknown`: no call has it (a snoop …). */
  locate(channelId: string): Promise<{ server: string | null } | 'unknown'>;
}

/** How many channel → server answers a process keeps (a call never moves, so they never go stale). */
const REMEMBERED_CHANNELS = 50_000;

/**
 * Several media servers as one MediaServer for the product's commands: a command on a channel goes
 * to the server its call is on (placed at its originate, kept in calls.media_server); a command
 * that names no channel (a playback, a recording, a bridge's end) goes to every server and counts
 * where it found its object. A bridge is made on the server of the channels it joins, when they
 * are added (ARI's createWithId is idempotent). Events are not heard here: each server has its own
 * consumer (src/workers/media-event-consumer.ts), led by its own lock.
 */
export function createMediaServerPool(members: readonly PooledMediaServer[], placement: CallPlacement): MediaServer {
  const first = members[0];
  if (!first) throw new Error('a media server pool needs at least one media server');
  const byName = new Map(members.map((member) => [member.name, member.media]));
  const remembered = new BoundedMap<string, MediaServer>(REMEMBERED_CHANNELS);

  const remember = (channelId: string, media: MediaServer): MediaServer => {
    remembered.set(channelId, media);
    return media;
  };
  const named = (name: string | null): MediaServer => (name === null ? first.media : (byName.get(name) ?? first.media));

  /** The server of a channel's call; null when no call has the channel. */
  async function serverOf(channelId: string): Promise<MediaServer | null> {
    const known = remembered.get(channelId);
    if (known) return known;
    const located = await placement.locate(channelId);
    return located === 'unknown' ? null : remember(channelId, named(located.server));
  }

  /** A command on a channel: on its call's server, or tried on each until one has the channel. */
  async function onChannel<T>(channelId: string, command: (media: MediaServer) => Promise<T>, found: (result: T) => boolean): Promise<T> {
    const media = await serverOf(channelId);
    if (media) return command(media);
    return firstFound(command, found);
  }

  async function firstFound<T>(command: (media: MediaServer) => Promise<T>, found: (result: T) => boolean): Promise<T> {
    let last: T | undefined;
    let failure: unknown;
    for (const member of members) {
      try {
        last = await command(member.media);
        if (found(last)) return last;
      } catch (error) {
        failure ??= error;
      }
    }
    if (last === undefined) throw failure;
    return last;
  }

  /** A command on every server at once; fails only when every server failed. */
  async function onEvery<T>(command: (media: MediaServer) => Promise<T>): Promise<T[]> {
    const settled = await Promise.allSettled(members.map((member) => command(member.media)));
    const done = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (done.length === 0 && failed) throw failed.reason;
    return done;
  }

  const always = () => true;
  const hasChannel = (result: string) => result !== 'not_found';

  return {
    start: async () => void (await Promise.all(members.map((member) => member.media.start()))),
    connect: async () => void (await Promise.all(members.map((member) => member.media.connect()))),
    listen: async () => void (await Promise.all(members.map((member) => member.media.listen()))),
    unlisten: async () => void (await Promise.all(members.map((member) => member.media.unlisten()))),
    stop: async () => void (await Promise.all(members.map((member) => member.media.stop()))),
    onEvent: (listener) => members.forEach((member) => member.media.onEvent(listener)),

    async originate(request) {
      const name = await placement.place(request.channelId);
      await remember(request.channelId, named(name)).originate(request);
    },
    hangup: (channelId, cause) => onChannel(channelId, (media) => media.hangup(channelId, cause), hasChannel),
    dialIfNeverDialled: (channelId) => onChannel(channelId, (media) => media.dialIfNeverDialled(channelId), hasChannel),
    async listChannels(): Promise<ChannelSnapshot[]> {
      return (await onEvery((media) => media.listChannels())).flat();
    },

    answer: (channelId) => onChannel(channelId, (media) => media.answer(channelId), always),
    play: (channelId, playbackId, uri, language) => onChannel(channelId, (media) => media.play(channelId, playbackId, uri, language), always),
    stopPlayback: async (playbackId) => void (await onEvery((media) => media.stopPlayback(playbackId))),
    // Made where its channels are, when they are added.
    createBridge: async () => undefined,
    async addToBridge(bridgeId, channelIds) {
      const media = (await serverOf(channelIds[0] ?? '')) ?? first.media;
      await media.createBridge(bridgeId);
      await media.addToBridge(bridgeId, channelIds);
    },
    destroyBridge: async (bridgeId) => void (await onEvery((media) => media.destroyBridge(bridgeId))),

    hold: (channelId, on) => onChannel(channelId, (media) => media.hold(channelId, on), hasChannel),
    musicOnHold: (channelId, on) => onChannel(channelId, (media) => media.musicOnHold(channelId, on), hasChannel),
    ring: (channelId, on) => onChannel(channelId, (media) => media.ring(channelId, on), hasChannel),
    silence: (channelId, on) => onChannel(channelId, (media) => media.silence(channelId, on), hasChannel),
    mute: (channelId, direction, on) => onChannel(channelId, (media) => media.mute(channelId, direction, on), hasChannel),
    sendDtmf: (channelId, dtmf) => onChannel(channelId, (media) => media.sendDtmf(channelId, dtmf), hasChannel),
    playSpeech: (channelId, playbackId, uri, language) => onChannel(channelId, (media) => media.playSpeech(channelId, playbackId, uri, language), hasChannel),

    recordPart: (part) => onChannel(part.channelId, (media) => media.recordPart(part), always),
    async stopRecording(name) {
      return (await onEvery((media) => media.stopRecording(name))).includes('stopped') ? 'stopped' : 'not_found';
    },
    fetchStoredRecording: (name) => firstFound((media) => media.fetchStoredRecording(name), (file) => file !== null),
    deleteStoredRecording: async (name) => void (await onEvery((media) => media.deleteStoredRecording(name))),
  };
}
