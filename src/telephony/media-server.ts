import type { FlowMediaPort } from './flow-media-port';
import type { MediaControlPort } from './media-control-port';
import type { RecordingVerbs } from './recording-port';

/**
 * The telephony port: what the product asks of a media server and what it hears back. The ARI
 * adapter implements it for Asterisk and for the embedded simulator alike.
 */
export interface MediaServer extends FlowMediaPort, MediaControlPort, RecordingVerbs {
  /** Connects and keeps connected (reconnecting with backoff) and hears the events; answers once connected. */
  start(): Promise<void>;
  /**
   * Connects for requests only (commands), hearing no events: one process per media server hears
   * them (the leader, src/workers/ari-leadership.ts), any number send commands.
   */
  connect(): Promise<void>;
  /** Opens the event stream of the application (takes it over from any other listener). */
  listen(): Promise<void>;
  /** Closes the event stream; requests still work. */
  unlisten(): Promise<void>;
  stop(): Promise<void>;
  onEvent(listener: MediaEventListener): void;
  /** Creates the channel with id `channelId` towards `endpoint`; it is dialled once it is in the application. */
  originate(request: OriginateRequest): Promise<void>;
  /** Ends the channel with a Q.850 cause; `not_found` when it is already gone. */
  hangup(channelId: string, cause: number): Promise<'hung_up' | 'not_found'>;
  listChannels(): Promise<ChannelSnapshot[]>;
  /**
   * Dials an outgoing channel that was never dialled: its StasisStart, which dials it, came
   * while no one listened (the listener died between the create and the dial). A channel the
   * product has dialled carries a mark, so it is never dialled twice: `dialled_before` then,
   * whether its dial is still going or its result was lost.
   */
  dialIfNeverDialled(channelId: string): Promise<'dialled' | 'dialled_before' | 'not_found'>;
}

/** The Stasis argument the product gives the channels it originates, to tell them from incoming ones. */
export const OUTGOING_CHANNEL_ARG = 'outgoing';

export interface OriginateRequest {
  channelId: string;
  endpoint: string;
  /** The number (and name) the far end is offered as the caller. */
  callerId: string;
  callerName?: string;
  /** The media server's own dial timeout, a safety net behind the product's. */
  timeoutSeconds: number;
  /** Extra SIP headers of the INVITE (the provider's `tech_headers`); a SIP endpoint's only. */
  sipHeaders?: Readonly<Record<string, string>>;
  /** The media formats to offer, by the media server's names ("ulaw,alaw"); absent: its own negotiation. */
  formats?: string;
}

export type ChannelState = 'down' | 'ring' | 'ringing' | 'up' | 'other';

export interface ChannelSnapshot {
  id: string;
  state: ChannelState;
}

export type MediaEvent =
  | { type: 'channel_entered'; channelId: string; state: ChannelState; callerNumber: string; calledNumber: string; args: string[] }
  | { type: 'channel_ringing'; channelId: string }
  | { type: 'channel_answered'; channelId: string }
  | { type: 'channel_destroyed'; channelId: string; cause: number }
  | { type: 'dtmf_received'; channelId: string; digit: string; durationMs: number }
  /** A playback ended: played out, stopped, or failed (media that cannot be fetched or found). */
  | { type: 'playback_finished'; channelId: string; playbackId: string; failed: boolean }
  /** The channel is being hung up (by anyone); ChannelDestroyed follows. Media on it ends first. */
  | { type: 'channel_hangup_requested'; channelId: string }
  /**
   * An ARI recording (by name) started, finished (its file is stored) or failed (no file);
   * `at` is the media server's own time of it (the event's timestamp), when it gave one.
   */
  | { type: 'recording_started' | 'recording_finished' | 'recording_failed'; recordingName: string; at: Date | null }
  /** After the first connect and every reconnect: events may have been missed, reconcile. */
  | { type: 'connected' }
  /** The event stream of the process that listens is down (the media server may be gone). */
  | { type: 'disconnected' }
  /** Another connection took the application's event stream (ARI's ApplicationReplaced). */
  | { type: 'replaced' };

export type MediaEventListener = (event: MediaEvent) => void;
