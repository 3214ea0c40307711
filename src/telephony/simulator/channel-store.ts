import { ariTime } from './ari-time';
import { causeText } from './causes';
import { channelJson, type Channel, type ChannelState, type FarEndRecord } from './channel';
import type { EventHub } from './event-hub';
import { channelNotFound, notInStasis } from './sim-error';

/** Records of channels kept for /sim, live or not; the oldest go first beyond this. */
const KEPT_RECORDS = 10_000;

export type HangupRequest = 'soft' | 'hard' | 'bye' | 'none';

export interface Hangup {
  cause: number;
  by: NonNullable<FarEndRecord['hangup_by']>;
  /**
   * soft: the app or Asterisk ended it (cause 32, soft); hard: the far end did, with a cause;
   * bye: a SIP caller's BYE (a request without a cause, then cause 0, trace
   * inbound-pjsip-remote-hangup-subscribed); none: no event.
   */
  request: HangupRequest;
}

/**
 * The live channels of the simulated Asterisk, their timers, the records /sim shows, and the
 * events every channel emits in its life (enter Stasis, change state, hang up).
 */
export function createChannelStore(hub: EventHub) {
  const live = new Map<string, Channel>();
  const records = new Map<string, FarEndRecord>();
  const hangupHooks: ((channel: Channel) => void)[] = [];
  let sequence = 0;

  /** The app hears of a channel while it is in Stasis, and outside it when subscribed to it. */
  function emit(channel: Channel, type: string, fields: Record<string, unknown> = {}, fieldsFirst = false): void {
    if (!channel.inStasis && channel.subscription === 'none') return;
    const head = { type, timestamp: ariTime() };
    const event = fieldsFirst ? { ...fields, ...head, channel: channelJson(channel) } : { ...head, ...fields, channel: channelJson(channel) };
    hub.emit(channel.app, event);
  }

  function emitDial(channel: Channel, dialstatus: string, dialstring = ''): void {
    channel.record.dial_status = dialstatus;
    if (!channel.inStasis && channel.subscription === 'none') return;
    hub.emit(channel.app, { type: 'Dial', timestamp: ariTime(), dialstatus, forward: '', dialstring, peer: channelJson(channel) });
  }

  function setState(channel: Channel, state: ChannelState): void {
    if (channel.state === state) return;
    channel.state = state;
    channel.record.state = state;
    const now = new Date().toISOString();
    if (state === 'Ringing') channel.record.ringing_at ??= now;
    if (state === 'Up') channel.record.answered_at ??= now;
    emit(channel, 'ChannelStateChange');
  }

  function remember(record: FarEndRecord): void {
    records.set(record.id, record);
    if (records.size > KEPT_RECORDS) records.delete(records.keys().next().value as string);
  }

  function cancelTimers(channel: Channel): void {
    for (const timer of channel.timers) clearTimeout(timer);
    channel.timers.clear();
  }

  return {
    live,
    records,
    emit,
    emitDial,
    setState,

    nextSequence: (): number => sequence++,

    add(channel: Channel): Channel {
      live.set(channel.id, channel);
      remember(channel.record);
      return channel;
    },

    /** Puts the channel into its app: StasisStart, preceded by what channels/create shows. */
    enterStasis(channel: Channel, announce: 'dialplan' | 'varset' | 'start-only'): void {
      channel.inStasis = true;
      if (announce === 'dialplan') {
        emit(channel, 'ChannelDialplan', { dialplan_app: channel.dialplan.app_name, dialplan_app_data: channel.dialplan.app_data });
      }
      if (announce !== 'start-only') emit(channel, 'ChannelVarset', { variable: 'STASISSTATUS', value: '' }, true);
      emit(channel, 'StasisStart', { args: channel.args });
    },

    get(id: string): Channel {
      const channel = live.get(id);
      if (!channel) throw channelNotFound();
      return channel;
    },

    /** A channel the application controls: live and in Stasis. */
    controlled(id: string): Channel {
      const channel = live.get(id);
      if (!channel) throw channelNotFound();
      if (!channel.inStasis) throw notInStasis();
      return channel;
    },

    /** Runs `action` after `ms` unless the channel is gone by then; hangup cancels it. */
    later(channel: Channel, ms: number, action: () => void): NodeJS.Timeout {
      const timer = setTimeout(() => {
        channel.timers.delete(timer);
        if (live.get(channel.id) === channel) action();
      }, ms);
      channel.timers.add(timer);
      return timer;
    },

    cancel(channel: Channel, timer: NodeJS.Timeout | null): void {
      if (!timer) return;
      clearTimeout(timer);
      channel.timers.delete(timer);
    },

    /** Parts that hold something of a channel (bridge, playback …) let go of it here. */
    onHangup(hook: (channel: Channel) => void): void {
      hangupHooks.push(hook);
    },

    /**
     * The hangup sequence of the traces: request, release, StasisEnd, ChannelDestroyed. After
     * StasisEnd the app hears the rest only when subscribed to the channel. An app's hangup
     * during a DTMF string is asked at once but carried out when the last digit has played
     * (trace dtmf-send-timing-hangup-100ms).
     */
    hangup(channel: Channel, hangup: Hangup): void {
      if (live.get(channel.id) !== channel || channel.hangupPending) return;
      const { cause, by, request } = hangup;
      const wait = channel.dtmfUntil - Date.now();
      if (request === 'soft' && wait > 0) {
        emit(channel, 'ChannelHangupRequest', { cause: 32, soft: true }, true);
        channel.hangupPending = true;
        this.later(channel, wait, () => {
          channel.hangupPending = false;
          this.hangup(channel, { ...hangup, request: 'none' });
        });
        return;
      }
      live.delete(channel.id);
      cancelTimers(channel);
      if (request === 'soft') emit(channel, 'ChannelHangupRequest', { cause: 32, soft: true }, true);
      if (request === 'hard') emit(channel, 'ChannelHangupRequest', { cause }, true);
      if (request === 'bye') emit(channel, 'ChannelHangupRequest', {}, true);
      for (const hook of hangupHooks) hook(channel);
      if (channel.inStasis) {
        emit(channel, 'StasisEnd');
        channel.inStasis = false;
        emit(channel, 'ChannelVarset', { variable: 'STASISSTATUS', value: 'SUCCESS' }, true);
        // The dialplan goes on after Stasis() and hangs the channel up.
        if (channel.subscription === 'explicit') emit(channel, 'ChannelHangupRequest', { cause: 16, soft: true }, true);
      }
      channel.dialplan = { ...channel.dialplan, app_name: '', app_data: '' };
      emit(channel, 'ChannelDestroyed', { cause, cause_txt: causeText(cause) });
      Object.assign(channel.record, { state: 'Destroyed', destroyed_at: new Date().toISOString(), hangup_cause: cause, hangup_by: by });
    },

    closeAll(): void {
      for (const channel of live.values()) cancelTimers(channel);
      live.clear();
    },
  };
}

export type ChannelStore = ReturnType<typeof createChannelStore>;
