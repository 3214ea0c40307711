import { applyVariable } from './channel-creation';
import type { Channel, MuteDirection } from './channel';
import type { ChannelStore } from './channel-store';
import { badRequest, SimError } from './sim-error';

const DTMF_DIGITS = /^[0-9A-D*#,]+$/i;
/** res_ari's defaults for duration and between, app.c's quiet time before the first digit and its ',' pause. */
const DTMF_DEFAULT_MS = 100;
const DTMF_QUIET_MS = 100;
const DTMF_PAUSE_MS = 500;

export interface DtmfRequest {
  dtmf: string | undefined;
  before?: number | undefined;
  between?: number | undefined;
  duration?: number | undefined;
  after?: number | undefined;
}

function muteAfter(current: MuteDirection, direction: string, muted: boolean): MuteDirection {
  if (direction !== 'in' && direction !== 'out' && direction !== 'both') throw badRequest('Invalid direction specified');
  const sides = new Set(current === 'both' ? ['in', 'out'] : current === 'none' ? [] : [current]);
  for (const side of direction === 'both' ? ['in', 'out'] : [direction]) {
    if (muted) sides.add(side);
    else sides.delete(side);
  }
  if (sides.size === 2) return 'both';
  return sides.size === 0 ? 'none' : (sides.values().next().value as MuteDirection);
}

/**
 * What the app does to a channel that only the far end notices: Asterisk sends no event for hold,
 * music on hold, silence, mute or DTMF it sends (trace media-controls-hold-moh-mute-dtmf-ring),
 * so the far end's record is where these show.
 */
export function createMediaControls(store: ChannelStore) {
  return {
    /** Answers an incoming channel; an outgoing one is the far end's to answer, so nothing changes. */
    answer(channel: Channel): void {
      if (channel.record.direction !== 'outgoing') store.setState(channel, 'Up');
    },
    ring(channel: Channel, on: boolean): void {
      channel.record.ringback = on;
    },
    hold(channel: Channel, on: boolean): void {
      channel.record.hold = on;
    },
    moh(channel: Channel, mohClass: string | null): void {
      channel.record.moh = { active: mohClass !== null, class: mohClass };
    },
    silence(channel: Channel, on: boolean): void {
      channel.record.silence = on;
    },
    mute(channel: Channel, direction: string, muted: boolean): void {
      channel.record.mute = muteAfter(channel.record.mute, direction, muted);
    },
    /**
     * Digits the app sends are played as Asterisk plays them (trace dtmf-send-timing): the request
     * answers at once; after `before` and a quiet 100 ms each digit sounds for `duration` with
     * `between` after it (',' is a 500 ms pause), and the far end hears each as it ends. A string
     * sent while another still plays is dropped: the far end hears nothing of it.
     */
    sendDtmf(channel: Channel, request: DtmfRequest): void {
      const { dtmf } = request;
      if (!dtmf) throw badRequest('DTMF is required');
      if (!DTMF_DIGITS.test(dtmf)) throw badRequest('Invalid DTMF digits');
      const now = Date.now();
      if (channel.dtmfUntil > now) {
        channel.record.dtmf_dropped.push(dtmf.toUpperCase());
        return;
      }
      const duration = request.duration || DTMF_DEFAULT_MS;
      const between = request.between || DTMF_DEFAULT_MS;
      let at = (request.before ?? 0) + DTMF_QUIET_MS;
      for (const digit of dtmf.toUpperCase()) {
        if (digit === ',') {
          at += DTMF_PAUSE_MS;
          continue;
        }
        at += duration;
        // The tone's end as played, whenever the timer gets to run (the event loop may be late).
        const ended = new Date(now + at).toISOString();
        store.later(channel, at, () => {
          channel.record.dtmf_received.push(digit);
          channel.record.dtmf_heard.push({ digit, duration_ms: duration, at: ended });
        });
        at += between;
      }
      channel.dtmfUntil = now + at + (request.after ?? 0);
    },
    getVariable(channel: Channel, name: string | undefined): { value: string } {
      if (!name) throw badRequest('Variable name is required');
      if (name === 'CALLERID(num)') return { value: channel.caller.number };
      if (name === 'CALLERID(name)') return { value: channel.caller.name };
      if (name === 'CONNECTEDLINE(num)') return { value: channel.connected.number };
      if (name === 'CONNECTEDLINE(name)') return { value: channel.connected.name };
      const value = channel.variables.get(name);
      if (value === undefined) throw new SimError(404, 'Provided variable was not found');
      return { value };
    },
    setVariable(channel: Channel, name: string | undefined, value: string): void {
      if (!name) throw badRequest('Variable name is required');
      if (!applyVariable(store, channel, name, value)) store.emit(channel, 'ChannelVarset', { variable: name, value }, true);
    },
  };
}

export type MediaControls = ReturnType<typeof createMediaControls>;
