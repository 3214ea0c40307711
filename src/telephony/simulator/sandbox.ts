import { randomUUID } from 'node:crypto';
import { ariTime } from './ari-time';
import { causeText } from './cause';
import { channelJson, newRecord, type Channel, type ChannelRecord, type ChannelState } from './channel';
import type { EventHub } from './event-hub';
import { farEndOf, targetOf } from './far-end';
import { channelNotFound, SimError } from './sim-error';

export interface SimulatorDelays {
  ringMs: number;
  answerMs: number;
  giveUpMs: number;
  remoteHangupMs: number;
}

const KEPT_RECORDS = 10_000;

/**
 * The simulated Asterisk: live channels in Stasis and the far end behind each of them. Every
 * change emits the ARI events a real Asterisk 22 sends (see shared/ari-traces).
 */
export function createSandbox(hub: EventHub, delays: SimulatorDelays) {
  const channels = new Map<string, Channel>();
  const records = new Map<string, ChannelRecord>();
  const goneListeners: ((channel: Channel) => void)[] = [];

  const emit = (channel: Channel, type: string, fields: Record<string, unknown> = {}) =>
    hub.emit(channel.app, { type, timestamp: ariTime(), ...fields, channel: channelJson(channel) });

  const emitDial = (channel: Channel, dialstatus: string) =>
    hub.emit(channel.app, { type: 'Dial', timestamp: ariTime(), dialstatus, forward: '', dialstring: dialstatus === '' ? channel.record.target : '', peer: channelJson(channel) });

  function remember(record: ChannelRecord): void {
    records.set(record.id, record);
    if (records.size > KEPT_RECORDS) records.delete(records.keys().next().value as string);
  }

  function live(id: string): Channel {
    const channel = channels.get(id);
    if (!channel) throw channelNotFound();
    return channel;
  }

  function later(channel: Channel, ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      channel.timers.delete(timer);
      if (channels.get(channel.id) === channel) action();
    }, ms);
    channel.timers.add(timer);
  }

  function setState(channel: Channel, state: ChannelState): void {
    if (channel.state === state) return;
    channel.state = state;
    channel.record.state = state;
    if (state === 'Ringing' || state === 'Ring') channel.record.ringing_at ??= new Date().toISOString();
    if (state === 'Up') channel.record.answered_at ??= new Date().toISOString();
    emit(channel, 'ChannelStateChange');
  }

  function enterStasis(channel: Channel): Channel {
    channels.set(channel.id, channel);
    remember(channel.record);
    emit(channel, 'ChannelVarset', { variable: 'STASISSTATUS', value: '' });
    emit(channel, 'StasisStart', { args: channel.args });
    return channel;
  }

  function destroy(channel: Channel, cause: number, by: ChannelRecord['hangup_by'], soft: boolean): void {
    for (const timer of channel.timers) clearTimeout(timer);
    channel.timers.clear();
    channels.delete(channel.id);
    emit(channel, 'ChannelHangupRequest', soft ? { cause: 32, soft: true } : { cause });
    for (const listener of goneListeners) listener(channel);
    emit(channel, 'StasisEnd');
    emit(channel, 'ChannelVarset', { variable: 'STASISSTATUS', value: 'SUCCESS' });
    emit(channel, 'ChannelDestroyed', { cause, cause_txt: causeText(cause) });
    Object.assign(channel.record, { state: 'Destroyed', destroyed_at: new Date().toISOString(), hangup_cause: cause, hangup_by: by });
  }

  /** The far end's side of a dial, by the number plan. */
  function playFarEnd(channel: Channel): void {
    switch (channel.farEnd) {
      case 'busy':
        return later(channel, 1, () => emitDial(channel, 'BUSY'));
      case 'unreachable':
        // An unreachable PJSIP target: Asterisk reports CHANUNAVAIL and leaves the channel to the app.
        return later(channel, 1, () => emitDial(channel, 'CHANUNAVAIL'));
      default:
        return later(channel, delays.ringMs, () => {
          setState(channel, 'Ringing');
          emitDial(channel, 'RINGING');
          afterRinging(channel);
        });
    }
  }

  function afterRinging(channel: Channel): void {
    if (channel.farEnd === 'ring-forever') return;
    if (channel.farEnd === 'give-up') return later(channel, delays.giveUpMs, () => destroy(channel, 19, 'far_end', false));
    later(channel, delays.answerMs, () => answerFarEnd(channel));
  }

  function answerFarEnd(channel: Channel): void {
    channel.dialing = false;
    setState(channel, 'Up');
    emitDial(channel, 'ANSWER');
    if (channel.farEnd === 'voicemail') channel.record.voicemail_greeting = true;
    if (channel.farEnd === 'answer-then-hangup') later(channel, delays.remoteHangupMs, () => destroy(channel, 16, 'far_end', false));
  }

  return {
    channels,
    records,
    live,
    later,
    emit,
    destroy,
    onChannelGone: (listener: (channel: Channel) => void) => void goneListeners.push(listener),

    create(params: { endpoint: string; app: string; channelId?: string; appArgs?: string }): Channel {
      const id = params.channelId || randomUUID();
      if (channels.has(id)) throw new SimError(409, 'Channel with given unique ID already exists');
      const target = targetOf(params.endpoint);
      const farEnd = farEndOf(target);
      return enterStasis({
        id,
        name: `${params.endpoint.split('@')[0]}-${id.slice(0, 8)}`,
        app: params.app,
        state: 'Down',
        caller: { name: '', number: '' },
        dialplan: { context: 'default', exten: target, priority: 1, app_name: 'Stasis', app_data: params.app },
        creationtime: new Date(),
        args: params.appArgs ? params.appArgs.split(',') : [],
        farEnd,
        dialing: false,
        timers: new Set(),
        record: newRecord(id, params.endpoint, target, 'outgoing', farEnd),
      });
    },

    dial(id: string, timeoutSeconds?: number): void {
      const channel = live(id);
      if (channel.record.direction !== 'outgoing' || channel.dialing || channel.state === 'Up') {
        throw new SimError(409, 'Channel is not in a state to be dialed');
      }
      channel.dialing = true;
      emitDial(channel, '');
      playFarEnd(channel);
      if (timeoutSeconds && timeoutSeconds > 0) {
        later(channel, timeoutSeconds * 1000, () => {
          if (channel.state !== 'Up') destroy(channel, 19, 'dial_timeout', true);
        });
      }
    },

    hangup(id: string, cause: number): void {
      destroy(live(id), cause, 'application', true);
    },

    answer(id: string): void {
      const channel = live(id);
      if (channel.record.direction === 'outgoing' && channel.state !== 'Up') {
        throw new SimError(409, 'Channel is not an incoming channel to answer');
      }
      setState(channel, 'Up');
    },

    ring(id: string): void {
      const channel = live(id);
      channel.record.ringing_at ??= new Date().toISOString();
    },

    /** A call arrives from outside: the far end is the caller. */
    incoming(app: string, source: string, destination: string): Channel {
      const id = randomUUID();
      return enterStasis({
        id,
        name: `PJSIP/sim-caller-${id.slice(0, 8)}`,
        app,
        state: 'Ring',
        caller: { name: '', number: source },
        dialplan: { context: 'from-carrier', exten: destination, priority: 2, app_name: 'Stasis', app_data: `${app},inbound` },
        creationtime: new Date(),
        args: ['inbound'],
        farEnd: 'answer',
        dialing: false,
        timers: new Set(),
        record: { ...newRecord(id, `PJSIP/${source}`, destination, 'incoming', 'answer'), state: 'Ring' },
      });
    },

    farEndAnswer(id: string): void {
      const channel = live(id);
      if (channel.record.direction !== 'outgoing' || !channel.dialing) throw new SimError(409, 'Channel is not being dialed');
      for (const timer of channel.timers) clearTimeout(timer);
      channel.timers.clear();
      if (channel.state !== 'Ringing') setState(channel, 'Ringing');
      answerFarEnd(channel);
    },

    farEndDtmf(id: string, digits: string, durationMs: number): void {
      const channel = live(id);
      [...digits].forEach((digit, index) =>
        later(channel, index * (durationMs + 50), () => {
          channel.record.dtmf_sent.push(digit);
          emit(channel, 'ChannelDtmfReceived', { digit, duration_ms: durationMs });
        }),
      );
    },

    farEndHangup(id: string, cause: number): void {
      destroy(live(id), cause, 'far_end', false);
    },

    closeAll(): void {
      for (const channel of channels.values()) for (const timer of channel.timers) clearTimeout(timer);
      channels.clear();
    },
  };
}

export type Sandbox = ReturnType<typeof createSandbox>;
