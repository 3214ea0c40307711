import { ariTime } from './ari-time';
import type { FarEndRecord } from './channel';
import type { EventHub } from './event-hub';
import { recordingWav, type RecordedVoice } from './recording-audio';
import { badRequest, recordingNotFound, SimError } from './sim-error';

/** Stored recordings kept (their length: the audio is made when the file is fetched); the oldest go first. */
const KEPT_STORED = 10_000;

/** A channel or bridge being recorded. */
export interface RecordingTarget {
  /** `channel:<id>` or `bridge:<id>`. */
  uri: string;
  apps: Iterable<string>;
  /** The far ends whose audio it takes. */
  subjects: Iterable<FarEndRecord>;
  /** Asterisk cannot record a channel that is in a bridge (RecordingFailed): record the bridge. */
  inBridge: boolean;
  /** What is heard: a snoop's spy direction; a channel or bridge records both. */
  voice?: RecordedVoice;
}

interface StoredRecording {
  name: string;
  format: string;
  durationMs: number;
  voice: RecordedVoice;
}

interface LiveRecording {
  name: string;
  format: string;
  target: RecordingTarget;
  state: 'queued' | 'recording' | 'done' | 'failed';
  startedAt: number;
  timer: NodeJS.Timeout | null;
}

export interface RecordRequest {
  name?: string;
  format?: string;
  maxDurationSeconds?: number;
  ifExists?: string;
}

/** Live recordings (RecordingStarted, RecordingFinished on stop or hangup) and the stored ones. */
export function createRecordings(hub: EventHub) {
  const live = new Map<string, LiveRecording>();
  const stored = new Map<string, StoredRecording>();
  const storedJson = ({ name, format }: StoredRecording) => ({ name, format });

  const json = (recording: LiveRecording, extra: Record<string, unknown> = {}) => ({
    name: recording.name,
    format: recording.format,
    state: recording.state,
    target_uri: recording.target.uri,
    ...extra,
  });

  function announce(recording: LiveRecording, type: string, extra?: Record<string, unknown>): void {
    for (const app of recording.target.apps) hub.emit(app, { type, timestamp: ariTime(), recording: json(recording, extra) });
  }

  function begin(recording: LiveRecording, maxDurationSeconds: number): void {
    recording.timer = null;
    if (recording.target.inBridge) {
      live.delete(recording.name);
      recording.state = 'failed';
      return announce(recording, 'RecordingFailed', { cause: 'Channel is in a bridge' });
    }
    recording.state = 'recording';
    recording.startedAt = Date.now();
    for (const subject of recording.target.subjects) subject.recordings.push(recording.name);
    announce(recording, 'RecordingStarted');
    if (maxDurationSeconds > 0) recording.timer = setTimeout(() => finish(recording), maxDurationSeconds * 1000);
  }

  function finish(recording: LiveRecording): void {
    if (recording.timer) clearTimeout(recording.timer);
    live.delete(recording.name);
    const wasRecording = recording.state === 'recording';
    recording.state = 'done';
    if (!wasRecording) return;
    const durationMs = Date.now() - recording.startedAt;
    stored.set(recording.name, { name: recording.name, format: recording.format, durationMs, voice: recording.target.voice ?? 'both' });
    if (stored.size > KEPT_STORED) stored.delete(stored.keys().next().value as string);
    announce(recording, 'RecordingFinished', { duration: Math.floor(durationMs / 1000) });
  }

  function liveOne(name: string): LiveRecording {
    const recording = live.get(name);
    if (!recording) throw recordingNotFound();
    return recording;
  }

  return {
    record(target: RecordingTarget, request: RecordRequest) {
      if (!request.name) throw badRequest('Recording name is required');
      if (!request.format) throw badRequest('Recording format is required');
      if (live.has(request.name)) throw new SimError(409, 'Recording with same name already in progress');
      if (stored.has(request.name) && (request.ifExists ?? 'fail') === 'fail') throw new SimError(422, 'Recording already exists');
      const recording: LiveRecording = { name: request.name, format: request.format, target, state: 'queued', startedAt: Date.now(), timer: null };
      recording.timer = setTimeout(() => begin(recording, request.maxDurationSeconds ?? 0), 0);
      live.set(recording.name, recording);
      return json(recording);
    },
    getLive: (name: string) => json(liveOne(name)),
    stop(name: string): void {
      finish(liveOne(name));
    },
    /** Discards a live recording: nothing is stored. */
    cancel(name: string): void {
      const recording = liveOne(name);
      if (recording.timer) clearTimeout(recording.timer);
      live.delete(name);
    },
    listStored: () => [...stored.values()].map(storedJson),
    getStored(name: string) {
      const recording = stored.get(name);
      if (!recording) throw recordingNotFound();
      return storedJson(recording);
    },
    /** The stored recording's audio: a WAV of its real length (GET /recordings/stored/{name}/file). */
    storedFile(name: string): Buffer {
      const recording = stored.get(name);
      if (!recording) throw recordingNotFound();
      return recordingWav(recording.durationMs, recording.voice);
    },
    deleteStored(name: string): void {
      if (!stored.delete(name)) throw recordingNotFound();
    },
    /** Recordings of a channel that hangs up, or a bridge that goes, end with it. */
    endAllOn(targetUri: string): void {
      for (const recording of [...live.values()]) if (recording.target.uri === targetUri) finish(recording);
    },
    closeAll(): void {
      for (const recording of live.values()) if (recording.timer) clearTimeout(recording.timer);
      live.clear();
    },
  };
}

export type Recordings = ReturnType<typeof createRecordings>;
