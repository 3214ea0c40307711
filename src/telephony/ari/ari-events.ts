import type { ChannelState, MediaEvent } from '../media-server';
import { causeOfFailedDial } from './dial-status';

/** The fields of ARI events this adapter reads (see test/fixtures/ari-traces). */
export interface AriChannel {
  id: string;
  state: string;
  caller?: { number?: string };
  dialplan?: { exten?: string; app_data?: string };
}

export interface AriEvent {
  type: string;
  channel?: AriChannel;
  peer?: AriChannel;
  dialstatus?: string;
  cause?: number;
  soft?: boolean;
  digit?: string;
  duration_ms?: number;
  args?: string[];
  playback?: { id: string; target_uri?: string; state?: string };
  recording?: { name: string };
  timestamp?: string;
}

const RECORDING_EVENTS = { RecordingStarted: 'recording_started', RecordingFinished: 'recording_finished', RecordingFailed: 'recording_failed' } as const;

function timeOf(raw: AriEvent): Date | null {
  const at = raw.timestamp ? new Date(raw.timestamp) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

const STATES: Readonly<Record<string, ChannelState>> = { Down: 'down', Ring: 'ring', Ringing: 'ringing', Up: 'up' };

export const channelState = (state: string): ChannelState => STATES[state] ?? 'other';

/** What the adapter must do about one ARI event: tell the product, and/or end a failed dial. */
export interface Translation {
  event?: MediaEvent;
  hangup?: { channelId: string; cause: number };
}

/** The one router from ARI events to the port's events. */
export function translateAriEvent(raw: AriEvent): Translation | null {
  switch (raw.type) {
    case 'StasisStart': {
      const channel = raw.channel;
      if (!channel) return null;
      return {
        event: {
          type: 'channel_entered',
          channelId: channel.id,
          state: channelState(channel.state),
          callerNumber: channel.caller?.number ?? '',
          calledNumber: channel.dialplan?.exten ?? '',
          args: raw.args ?? [],
        },
      };
    }
    case 'ChannelStateChange': {
      const channel = raw.channel;
      if (!channel) return null;
      const state = channelState(channel.state);
      if (state === 'ringing' || state === 'ring') return { event: { type: 'channel_ringing', channelId: channel.id } };
      if (state === 'up') return { event: { type: 'channel_answered', channelId: channel.id } };
      return null;
    }
    case 'Dial': {
      const cause = causeOfFailedDial(raw.dialstatus ?? '');
      return cause !== null && raw.peer ? { hangup: { channelId: raw.peer.id, cause } } : null;
    }
    case 'ChannelDestroyed':
      return raw.channel ? { event: { type: 'channel_destroyed', channelId: raw.channel.id, cause: raw.cause ?? 0 } } : null;
    case 'ChannelDtmfReceived':
      return raw.channel && raw.digit
        ? { event: { type: 'dtmf_received', channelId: raw.channel.id, digit: raw.digit, durationMs: raw.duration_ms ?? 0 } }
        : null;
    case 'ChannelHangupRequest':
      return raw.channel ? { event: { type: 'channel_hangup_requested', channelId: raw.channel.id } } : null;
    case 'PlaybackFinished': {
      const playback = raw.playback;
      if (!playback) return null;
      const target = playback.target_uri ?? '';
      const channelId = target.startsWith('channel:') ? target.slice('channel:'.length) : '';
      return { event: { type: 'playback_finished', channelId, playbackId: playback.id, failed: playback.state === 'failed' } };
    }
    case 'RecordingStarted':
    case 'RecordingFinished':
    case 'RecordingFailed':
      return raw.recording ? { event: { type: RECORDING_EVENTS[raw.type], recordingName: raw.recording.name, at: timeOf(raw) } } : null;
    default:
      return null;
  }
}
