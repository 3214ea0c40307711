import { ariTime } from './ari-time';
import type { FarEnd } from './far-end';

export type ChannelState = 'Down' | 'Ring' | 'Ringing' | 'Up';
export type MuteDirection = 'none' | 'in' | 'out' | 'both';

/** What the far end of a channel experienced: the simulator's record, kept after hangup. */
export interface ChannelRecord {
  id: string;
  endpoint: string;
  target: string;
  direction: 'outgoing' | 'incoming';
  far_end: FarEnd;
  state: ChannelState | 'Destroyed';
  created_at: string;
  ringing_at: string | null;
  answered_at: string | null;
  destroyed_at: string | null;
  hangup_cause: number | null;
  hangup_by: 'application' | 'far_end' | 'dial_timeout' | null;
  hold: boolean;
  moh: { active: boolean; class: string | null };
  silence: boolean;
  mute: MuteDirection;
  played: { media: string; playback_id: string; started_at: string; finished_at: string | null; stopped: boolean }[];
  /** Digits the application sent to the far end. */
  dtmf_received: string[];
  /** Digits the far end pressed. */
  dtmf_sent: string[];
  bridge_id: string | null;
  bridged_with: string[];
  recordings: string[];
  voicemail_greeting: boolean;
}

export interface Channel {
  id: string;
  name: string;
  app: string;
  state: ChannelState;
  caller: { name: string; number: string };
  dialplan: { context: string; exten: string; priority: number; app_name: string; app_data: string };
  creationtime: Date;
  args: string[];
  farEnd: FarEnd;
  dialing: boolean;
  timers: Set<NodeJS.Timeout>;
  record: ChannelRecord;
}

/** The channel object as ARI events and responses carry it. */
export const channelJson = (channel: Channel) => ({
  id: channel.id,
  name: channel.name,
  state: channel.state,
  protocol_id: '',
  caller: channel.caller,
  connected: { name: '', number: '' },
  accountcode: '',
  dialplan: channel.dialplan,
  creationtime: ariTime(channel.creationtime),
  language: 'en',
});

export function newRecord(id: string, endpoint: string, target: string, direction: ChannelRecord['direction'], farEnd: FarEnd): ChannelRecord {
  return {
    id,
    endpoint,
    target,
    direction,
    far_end: farEnd,
    state: 'Down',
    created_at: new Date().toISOString(),
    ringing_at: null,
    answered_at: null,
    destroyed_at: null,
    hangup_cause: null,
    hangup_by: null,
    hold: false,
    moh: { active: false, class: null },
    silence: false,
    mute: 'none',
    played: [],
    dtmf_received: [],
    dtmf_sent: [],
    bridge_id: null,
    bridged_with: [],
    recordings: [],
    voicemail_greeting: false,
  };
}
