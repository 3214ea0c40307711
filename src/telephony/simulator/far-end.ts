import { CONGESTION, NETWORK_OUT_OF_ORDER, NO_ANSWER, NORMAL_CLEARING, USER_BUSY } from './causes';
import type { Channel } from './channel';
import type { ChannelStore } from './channel-store';
import { SimError } from './sim-error';

export interface SimulatorDelays {
  ringMs: number;
  answerMs: number;
  giveUpMs: number;
  remoteHangupMs: number;
}

export interface DialOptions {
  /** Asterisk's own dial timeout; null for none. */
  timeoutMs: number | null;
  /** Single-request originate: the channel enters Stasis only once the far end answers. */
  stasisOnAnswer: boolean;
}

/**
 * A far end set up through /sim for one target, over the number plan: its own ring and answer
 * delays, or a hangup with a cause before it rings (Hangup(38) in the sandbox dialplan).
 */
export interface FarEndProgram {
  /** false: answers without ringing first (a dialplan that answers at once). */
  rings?: boolean;
  ringMs?: number;
  answerMs?: number;
  hangupCause?: number;
  /** The dial ends with this status before ringing (a congested or busy provider); the channel stays in Stasis. */
  dialStatus?: 'CONGESTION' | 'BUSY';
}

/** `PJSIP/{target}@carrier-a` → a matcher of the endpoints it makes (the target: anything without "@" or "/"). */
function templatePattern(template: string): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
  return new RegExp('^' + template.split('{target}').map(escape).join('[^@/]+') + '$');
}

interface DialInProgress {
  options: DialOptions;
  /** The far end's next move (ring, answer, give up). */
  step: NodeJS.Timeout | null;
  timeout: NodeJS.Timeout | null;
}

/** Gap between two digits the far end presses (Asterisk's minimum DTMF gap is 45 ms). */
const DTMF_GAP_MS = 50;

/**
 * What the far end is offered as the caller: chan_pjsip puts the connected line in the INVITE's
 * From, anonymous when it has no number (trace callerid-presentation); a Local channel's ;2 half
 * takes the ;1 half's connected line as its caller.
 */
function offeredCallerId(channel: Channel): { number: string; name: string } {
  const { number, name } = channel.connected;
  if (channel.name.startsWith('PJSIP/') && number === '') return { number: 'anonymous', name: 'Anonymous' };
  return { number, name };
}

/**
 * The far end of every channel: how it answers a dial by the number plan (the Dial and state
 * events of test/fixtures/ari-traces), and what it does when /sim tells it to answer, press keys or hang up.
 */
export function createFarEnd(store: ChannelStore, delays: SimulatorDelays) {
  const dials = new Map<string, DialInProgress>();
  const programs = new Map<string, FarEndProgram>();
  /** Programs for every dial through a provider (an endpoint template), checked before the target's. */
  const providerPrograms = new Map<string, { pattern: RegExp; program: FarEndProgram }>();

  const programOf = (channel: Channel): FarEndProgram | undefined => {
    for (const { pattern, program } of providerPrograms.values()) if (pattern.test(channel.record.endpoint)) return program;
    return programs.get(channel.record.target);
  };

  /** The dial is over: its pending moves go. */
  function settle(channel: Channel, dial: DialInProgress): void {
    dials.delete(channel.id);
    store.cancel(channel, dial.step);
    store.cancel(channel, dial.timeout);
  }

  function answered(channel: Channel, dial: DialInProgress): void {
    settle(channel, dial);
    store.setState(channel, 'Up');
    store.emitDial(channel, 'ANSWER');
    if (dial.options.stasisOnAnswer) store.enterStasis(channel, 'varset');
    if (channel.record.far_end === 'voicemail') channel.record.voicemail_greeting = true;
    if (channel.record.far_end === 'answer-then-hangup') store.later(channel, delays.remoteHangupMs, () => hangUp(channel, NORMAL_CLEARING));
  }

  /**
   * Busy or unreachable: a created channel stays in Stasis for the app to end (trace
   * create-dial-local-busy); an originate's channel ends, a Local one with cause 0 (the real
   * cause is on its ;2 half, traces originate-local-busy and -congestion).
   */
  function refused(channel: Channel, dial: DialInProgress, dialstatus: string, cause: number): void {
    settle(channel, dial);
    store.emitDial(channel, dialstatus);
    const local = channel.name.startsWith('Local/');
    if (dial.options.stasisOnAnswer) store.hangup(channel, { cause: local ? 0 : cause, by: 'far_end', request: 'none' });
  }

  function ringing(channel: Channel, dial: DialInProgress): void {
    store.setState(channel, 'Ringing');
    store.emitDial(channel, 'RINGING');
    const behaviour = channel.record.far_end;
    if (behaviour === 'ring-forever') dial.step = null;
    else if (behaviour === 'give-up') dial.step = store.later(channel, delays.giveUpMs, () => hangUp(channel, NO_ANSWER));
    else dial.step = store.later(channel, programOf(channel)?.answerMs ?? delays.answerMs, () => answered(channel, dial));
  }

  /**
   * Asterisk ends a dial past its timeout itself, cause 19: with a soft hangup request for a channel
   * in Stasis (trace create-dial-local-dial-timeout-3s), silently for an originate (…-noanswer-timeout-3s).
   */
  function timedOut(channel: Channel, dial: DialInProgress): void {
    if (dials.get(channel.id) !== dial) return;
    settle(channel, dial);
    store.hangup(channel, { cause: NO_ANSWER, by: 'media_server', request: dial.options.stasisOnAnswer ? 'none' : 'soft' });
  }

  /**
   * The far end hangs up. Before an answer this ends the app's channel by itself, with no final
   * Dial status (trace failover-congestion-then-answer, a far end doing Hangup(38)). A SIP caller
   * of an incoming call hangs up with a BYE: no cause in the request, cause 0 at the end.
   */
  function hangUp(channel: Channel, cause: number | 'bye'): void {
    const dial = dials.get(channel.id);
    // An originate's dial is left for the hangup hook, which reports it NOANSWER (trace originate-local-unallocated).
    if (dial && !dial.options.stasisOnAnswer) settle(channel, dial);
    if (cause === 'bye') store.hangup(channel, { cause: 0, by: 'far_end', request: 'bye' });
    else store.hangup(channel, { cause, by: 'far_end', request: 'hard' });
  }

  store.onHangup((channel) => {
    const dial = dials.get(channel.id);
    if (!dial) return;
    dials.delete(channel.id);
    // An originate the app cancels while it rings reports NOANSWER (trace originate-local-ringing-then-api-cancel).
    if (dial.options.stasisOnAnswer) store.emitDial(channel, 'NOANSWER');
  });

  return {
    dial(channel: Channel, options: DialOptions): void {
      if (channel.record.direction !== 'outgoing' || channel.record.dial_status !== null || channel.state !== 'Down') {
        throw new SimError(409, "Channel is not in the 'Down' state");
      }
      const dial: DialInProgress = { options, step: null, timeout: null };
      dials.set(channel.id, dial);
      channel.record.caller_id_offered = offeredCallerId(channel);
      store.emitDial(channel, '', channel.record.endpoint.slice(channel.record.endpoint.indexOf('/') + 1));
      const behaviour = channel.record.far_end;
      const program = programOf(channel);
      if (program?.dialStatus) dial.step = store.later(channel, 0, () => refused(channel, dial, program.dialStatus!, program.dialStatus === 'BUSY' ? USER_BUSY : CONGESTION));
      else if (behaviour === 'busy') dial.step = store.later(channel, 0, () => refused(channel, dial, 'BUSY', USER_BUSY));
      // The sandbox dialplan's unreachable numbers run Congestion() (trace failover-congestion-then-answer).
      else if (behaviour === 'unreachable') dial.step = store.later(channel, 0, () => refused(channel, dial, 'CONGESTION', CONGESTION));
      else if (program?.hangupCause !== undefined) dial.step = store.later(channel, 0, () => hangUp(channel, program.hangupCause!));
      // The sandbox's provider that is down: Hangup(38) before ringing (trace failover-congestion-then-answer).
      else if (behaviour === 'out-of-order') dial.step = store.later(channel, 0, () => hangUp(channel, NETWORK_OUT_OF_ORDER));
      // A far end listening for DTMF answers at once (the sandbox dialplan's Read()).
      else if (behaviour === 'listen') dial.step = store.later(channel, 0, () => answered(channel, dial));
      else if (program?.rings === false) dial.step = store.later(channel, program.answerMs ?? 0, () => answered(channel, dial));
      else dial.step = store.later(channel, program?.ringMs ?? delays.ringMs, () => ringing(channel, dial));
      if (options.timeoutMs !== null) dial.timeout = store.later(channel, options.timeoutMs, () => timedOut(channel, dial));
    },

    /** /sim: the far end answers now, whatever the number plan says. */
    answer(channel: Channel): void {
      const dial = dials.get(channel.id);
      if (!dial) throw new SimError(409, 'The far end of this channel is not being dialled');
      answered(channel, dial);
    },

    hangUp,

    /** /sim: the far end of every later dial to `target` follows this program. */
    program(target: string, program: FarEndProgram): void {
      programs.set(target, program);
    },

    /** /sim: every later dial through this endpoint template (a provider) follows this program. */
    programProvider(template: string, program: FarEndProgram): void {
      providerPrograms.set(template, { pattern: templatePattern(template), program });
    },

    /** /sim: the far end presses keys; the app gets ChannelDtmfReceived per digit as it ends. */
    pressDigits(channel: Channel, digits: string, durationMs: number): void {
      [...digits].forEach((digit, index) => {
        store.later(channel, (index + 1) * durationMs + index * DTMF_GAP_MS, () => {
          channel.record.dtmf_sent.push(digit);
          store.emit(channel, 'ChannelDtmfReceived', { digit, duration_ms: durationMs });
        });
      });
    },

    closeAll(): void {
      dials.clear();
      programs.clear();
      providerPrograms.clear();
    },
  };
}

export type FarEnd = ReturnType<typeof createFarEnd>;
