import { randomUUID } from 'node:crypto';
import { ariTime } from './ari-time';
import type { FarEndRecord, PlayedMedia } from './channel';
import type { EventHub } from './event-hub';
import { mediaSource } from './media-sources';
import { badRequest, playbackNotFound, SimError } from './sim-error';

export { PLAYBACK_MS } from './media-sources';

/** A channel or bridge media is played to. */
export interface PlaybackTarget {
  /** `channel:<id>` or `bridge:<id>`, as Playback.target_uri says. */
  uri: string;
  apps: Iterable<string>;
  /** The far ends that hear it. */
  listeners: Iterable<FarEndRecord>;
}

interface Playback {
  id: string;
  media: string;
  language: string;
  target: PlaybackTarget;
  state: 'queued' | 'playing' | 'done' | 'failed';
  heard: PlayedMedia[];
  timer: NodeJS.Timeout;
}

export interface PlayRequest {
  media?: string;
  lang?: string;
  playbackId?: string;
}

/** Playbacks: PlaybackStarted, then PlaybackFinished after PLAYBACK_MS or when stopped. */
export function createPlaybacks(hub: EventHub) {
  const playbacks = new Map<string, Playback>();
  const byTarget = new Map<string, Set<Playback>>();

  const json = (playback: Playback) => ({
    id: playback.id,
    media_uri: playback.media,
    target_uri: playback.target.uri,
    language: playback.language,
    state: playback.state,
  });

  function announce(playback: Playback, type: 'PlaybackStarted' | 'PlaybackFinished'): void {
    for (const app of playback.target.apps) hub.emit(app, { type, timestamp: ariTime(), playback: json(playback) });
  }

  function finish(playback: Playback, stopped: boolean, failed = false): void {
    clearTimeout(playback.timer);
    playbacks.delete(playback.id);
    byTarget.get(playback.target.uri)?.delete(playback);
    const now = new Date().toISOString();
    for (const entry of playback.heard) Object.assign(entry, { finished_at: now, stopped, ...(failed ? { failed } : {}) });
    playback.state = failed ? 'failed' : 'done';
    announce(playback, 'PlaybackFinished');
  }

  function start(playback: Playback): void {
    const source = mediaSource(playback.media);
    if (source.failed) return finish(playback, false, true);
    playback.state = 'playing';
    announce(playback, 'PlaybackStarted');
    playback.timer = setTimeout(() => finish(playback, false), source.durationMs);
  }

  return {
    play(target: PlaybackTarget, request: PlayRequest) {
      if (!request.media) throw badRequest('Media is required');
      const id = request.playbackId || randomUUID();
      if (playbacks.has(id)) throw new SimError(409, 'Playback with given ID already exists');
      const startedAt = new Date().toISOString();
      const heard = [...target.listeners].map((listener) => {
        const { text } = mediaSource(request.media as string);
        const entry: PlayedMedia = { media: request.media as string, ...(text !== undefined ? { text } : {}), playback_id: id, started_at: startedAt, finished_at: null, stopped: false };
        listener.played.push(entry);
        return entry;
      });
      const playback: Playback = { id, media: request.media, language: request.lang || 'en', target, state: 'queued', heard, timer: setTimeout(() => start(playback), 0) };
      playbacks.set(id, playback);
      let ofTarget = byTarget.get(target.uri);
      if (!ofTarget) byTarget.set(target.uri, (ofTarget = new Set()));
      ofTarget.add(playback);
      return json(playback);
    },

    get(id: string) {
      const playback = playbacks.get(id);
      if (!playback) throw playbackNotFound();
      return json(playback);
    },

    stop(id: string): void {
      const playback = playbacks.get(id);
      if (!playback) throw playbackNotFound();
      finish(playback, true);
    },

    /** Media playing to a channel that hangs up, or a bridge that goes, ends with it. */
    endAllOn(targetUri: string): void {
      for (const playback of [...(byTarget.get(targetUri) ?? [])]) finish(playback, true);
      byTarget.delete(targetUri);
    },

    closeAll(): void {
      for (const playback of playbacks.values()) clearTimeout(playback.timer);
      playbacks.clear();
      byTarget.clear();
    },
  };
}

export type Playbacks = ReturnType<typeof createPlaybacks>;
