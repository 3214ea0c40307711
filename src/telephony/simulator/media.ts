import { randomUUID } from 'node:crypto';
import { ariTime } from './ari-time';
import type { Channel, MuteDirection } from './channel';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';

/** How long any media plays to the far end in the simulator. */
export const PLAYBACK_MS = 200;

interface Playback {
  id: string;
  channel: Channel;
  media: string;
  timer: NodeJS.Timeout;
  entry: Channel['record']['played'][number];
}

/** Media on live channels: hold, music on hold, silence, mute, DTMF to the far end, playback. */
export function createMedia(sandbox: Sandbox) {
  const playbacks = new Map<string, Playback>();

  const playbackJson = (playback: Playback, state: 'queued' | 'playing' | 'done') => ({
    id: playback.id,
    media_uri: playback.media,
    target_uri: `channel:${playback.channel.id}`,
    language: 'en',
    state,
  });

  function answered(id: string): Channel {
    const channel = sandbox.live(id);
    if (channel.state !== 'Up') throw new SimError(412, 'Channel in invalid state');
    return channel;
  }

  function finish(playback: Playback, stopped: boolean): void {
    clearTimeout(playback.timer);
    playbacks.delete(playback.id);
    playback.entry.finished_at = new Date().toISOString();
    playback.entry.stopped = stopped;
    sandbox.emit(playback.channel, 'PlaybackFinished', { playback: playbackJson(playback, 'done') });
  }

  return {
    playbacks,
    hold(id: string, on: boolean): void {
      sandbox.live(id).record.hold = on;
    },
    moh(id: string, mohClass: string | null): void {
      sandbox.live(id).record.moh = { active: mohClass !== null, class: mohClass };
    },
    silence(id: string, on: boolean): void {
      sandbox.live(id).record.silence = on;
    },
    mute(id: string, direction: Exclude<MuteDirection, 'none'>, on: boolean): void {
      const record = sandbox.live(id).record;
      const current = new Set(record.mute === 'both' ? ['in', 'out'] : record.mute === 'none' ? [] : [record.mute]);
      for (const side of direction === 'both' ? ['in', 'out'] : [direction]) {
        if (on) current.add(side);
        else current.delete(side);
      }
      record.mute = current.size === 2 ? 'both' : current.size === 0 ? 'none' : ([...current][0] as MuteDirection);
    },
    dtmf(id: string, digits: string): void {
      if (!/^[0-9A-D*#]+$/i.test(digits)) throw new SimError(400, 'Invalid DTMF digits');
      answered(id).record.dtmf_received.push(...digits.toUpperCase());
    },
    play(id: string, media: string, playbackId?: string) {
      const channel = answered(id);
      const pbId = playbackId || randomUUID();
      if (playbacks.has(pbId)) throw new SimError(409, 'Playback with given ID already exists');
      const entry = { media, playback_id: pbId, started_at: new Date().toISOString(), finished_at: null, stopped: false };
      channel.record.played.push(entry);
      const playback: Playback = { id: pbId, channel, media, entry, timer: setTimeout(() => finish(playback, false), PLAYBACK_MS) };
      playbacks.set(pbId, playback);
      sandbox.emit(channel, 'PlaybackStarted', { playback: playbackJson(playback, 'playing') });
      return playbackJson(playback, 'playing');
    },
    getPlayback(id: string) {
      const playback = playbacks.get(id);
      if (!playback) throw new SimError(404, 'Playback not found');
      return playbackJson(playback, 'playing');
    },
    stopPlayback(id: string): void {
      const playback = playbacks.get(id);
      if (!playback) throw new SimError(404, 'Playback not found');
      finish(playback, true);
    },
    /** Playbacks of a channel that hung up end with it. */
    channelGone(channel: Channel): void {
      for (const playback of playbacks.values()) {
        if (playback.channel === channel) {
          clearTimeout(playback.timer);
          playbacks.delete(playback.id);
          playback.entry.finished_at = ariTime();
        }
      }
    },
    closeAll(): void {
      for (const playback of playbacks.values()) clearTimeout(playback.timer);
      playbacks.clear();
    },
  };
}

export type Media = ReturnType<typeof createMedia>;
