import { ariTime } from './ari-time';
import type { FarEndBehaviour } from './number-plan';

export type ChannelState = 'Down' | 'Ring' | 'Ringing' | 'Up';
export type Subscription = 'implicit' | 'explicit' | 'none';
export type MuteDirection = 'none' | 'in' | 'out' | 'both';

export interface PlayedMedia {
  media: string;
  /** The words heard, when the media was speech (`tts:`). */
  text?: string;
  playback_id: string;
  started_at: string;
  finished_at: string | null;
  stopped: boolean;
  /** The media could not be played (a URL the simulator cannot fetch). */
  failed?: boolean;
}

/** What the far end of a channel experienced: the simulator's record, kept after hangup. */
export interface FarEndRecord {
  id: string;
  name: string;
  app: string;
  endpoint: string;
  target: string;
  direction: 'outgoing' | 'incoming' | 'snoop';
  far_end: FarEndBehaviour | 'caller' | 'snoop';
  caller: { name: string; number: string };
  /**
   * The channel variables it was created with (the create's or originate's `variables`): a
   * provider's SIP headers are `PJSIP_HEADER(add,<name>)` among them.
   */
  variables: Record<string, string>;
  /** The create's or originate's `formats` ("ulaw,alaw"); null when it asked for none. */
  formats: string | null;
  state: ChannelState | 'Destroyed';
  created_at: string;
  ringing_at: string | null;
  answered_at: string | null;
  destroyed_at: string | null;
  hangup_cause: number | null;
  hangup_by: 'application' | 'far_end' | 'media_server' | null;
  /** The last Dial status of an outgoing channel ('' once dialled, then RINGING, ANSWER, BUSY …). */
  dial_status: string | null;
  /** The application indicates ringing to this caller (POST /ring). */
  ringback: boolean;
  hold: boolean;
  moh: { active: boolean; class: string | null };
  silence: boolean;
  mute: MuteDirection;
  played: PlayedMedia[];
  /** The far end is a voicemail box that answered with its greeting. */
  voicemail_greeting: boolean;
  /** Digits the application sent that the far end heard, in order (each once it has been played). */
  dtmf_received: string[];
  /** The same digits with their timing: `at` is when the tone ended, as ChannelDtmfReceived reports it. */
  dtmf_heard: { digit: string; duration_ms: number; at: string }[];
  /** Digit strings sent while another was still playing: Asterisk drops them, the far end hears nothing. */
  dtmf_dropped: string[];
  /**
   * The caller id the far end was offered when the channel was dialled (SIP From): chan_pjsip
   * builds it from the connected line, so without CONNECTEDLINE(num) it is anonymous.
   */
  caller_id_offered: { number: string; name: string } | null;
  /** Digits the far end pressed (through /sim). */
  dtmf_sent: string[];
  bridge_id: string | null;
  bridged_with: string[];
  /** Names of the recordings taken of this channel (directly, through its bridge or a snoop). */
  recordings: string[];
}

export interface Dialplan {
  context: string;
  exten: string;
  priority: number;
  app_name: string;
  app_data: string;
}

/** A live channel of the simulated Asterisk. */
export interface Channel {
  readonly id: string;
  readonly name: string;
  readonly app: string;
  readonly protocolId: string;
  readonly creationtime: string;
  /** Argument list StasisStart carries. */
  readonly args: string[];
  /**
   * Whether the app hears of the channel outside Stasis: `implicit` for channels it made
   * (create, originate, snoop), `explicit` after POST /applications/{app}/subscription, `none` for
   * a channel that entered from the dialplan (trace inbound-local-stasis-app-hangup-unsubscribed).
   */
  subscription: Subscription;
  /** The channel it spies on, for a snoop channel. */
  readonly snoopOf: string | null;
  state: ChannelState;
  caller: { name: string; number: string };
  connected: { name: string; number: string };
  dialplan: Dialplan;
  inStasis: boolean;
  /** When the DTMF string being played ends (epoch ms), or 0: Asterisk plays one at a time. */
  dtmfUntil: number;
  /** The app hung up during a DTMF string: the channel ends when the string has played. */
  hangupPending: boolean;
  variables: Map<string, string>;
  timers: Set<NodeJS.Timeout>;
  record: FarEndRecord;
}

/** The channel as ARI events and responses carry it (field order as Asterisk 22 sends it). */
export const channelJson = (channel: Channel) => ({
  id: channel.id,
  name: channel.name,
  state: channel.state,
  protocol_id: channel.protocolId,
  caller: channel.caller,
  connected: channel.connected,
  accountcode: '',
  dialplan: channel.dialplan,
  creationtime: channel.creationtime,
  language: 'en',
});

export type ChannelJson = ReturnType<typeof channelJson>;

export interface NewChannel {
  id: string;
  name: string;
  app: string;
  protocolId: string;
  state: ChannelState;
  caller: { name: string; number: string };
  dialplan: Dialplan;
  args: string[];
  subscription: Subscription;
  snoopOf?: string;
  endpoint: string;
  target: string;
  direction: FarEndRecord['direction'];
  farEnd: FarEndRecord['far_end'];
}

export function newChannel(spec: NewChannel): Channel {
  const now = new Date();
  return {
    id: spec.id,
    name: spec.name,
    app: spec.app,
    protocolId: spec.protocolId,
    creationtime: ariTime(now),
    args: spec.args,
    subscription: spec.subscription,
    snoopOf: spec.snoopOf ?? null,
    state: spec.state,
    caller: spec.caller,
    connected: { name: '', number: '' },
    dtmfUntil: 0,
    hangupPending: false,
    dialplan: spec.dialplan,
    inStasis: false,
    variables: new Map(),
    timers: new Set(),
    record: {
      id: spec.id,
      name: spec.name,
      app: spec.app,
      endpoint: spec.endpoint,
      target: spec.target,
      direction: spec.direction,
      far_end: spec.farEnd,
      caller: spec.caller,
      variables: {},
      formats: null,
      state: spec.state,
      created_at: now.toISOString(),
      ringing_at: null,
      answered_at: null,
      destroyed_at: null,
      hangup_cause: null,
      hangup_by: null,
      dial_status: null,
      ringback: false,
      hold: false,
      moh: { active: false, class: null },
      silence: false,
      mute: 'none',
      played: [],
      voicemail_greeting: false,
      dtmf_received: [],
      dtmf_heard: [],
      dtmf_dropped: [],
      caller_id_offered: null,
      dtmf_sent: [],
      bridge_id: null,
      bridged_with: [],
      recordings: [],
    },
  };
}
