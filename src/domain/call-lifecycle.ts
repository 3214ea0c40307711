import { canTransition, type CallDirection, type CallStatus } from './call-status';
import { AppError } from './errors';
import { failsOver, type CallAttempt } from './failover';
import { causeForReason, hangupOutcome, lostChannelOutcome, Q850, type HangupOutcome, type HangupReason } from './hangup';
import type { PlannedProvider } from './routing';

/** What happened to a call: from the media server, the API, a flow, or the product's timers. */
export type CallSignal =
  | { type: 'ringing' }
  | { type: 'answered' }
  /** `reason` is set when the product chose one (dial timeout, flow hangup); else the table decides. */
  | { type: 'hangup_requested'; reason?: HangupReason }
  /** `channelId`: the channel that ended, when known; an earlier attempt's channel changes nothing. */
  | { type: 'channel_destroyed'; cause: number; channelId?: string }
  /** The product's dial timeout fired: ends an unanswered call with reason dialout. */
  | { type: 'dial_timeout' }
  /**
   * The call's media server went away (its event stream stayed unreachable): the channel is out
   * of reach, so the call ends here, local/failed with cause 38 (network out of order).
   */
  | { type: 'media_server_lost' }
  /** The originate still failed after its retries (the media server unreachable …): `detail` says why. */
  | { type: 'originate_failed'; detail: string }
  /** Reconciliation found no channel for the call: it ended while no one listened, its cause unheard. */
  | { type: 'channel_lost' };

export interface CallFacts {
  status: CallStatus;
  direction: CallDirection;
  hangupRequest: HangupReason | null;
  /** An outgoing tel call's attempts so far and the providers its route lists (route failover). */
  attempts?: readonly CallAttempt[];
  routePlan?: readonly PlannedProvider[];
}

/** Work the service carries out after the change is committed. */
export type CallEffect = { type: 'hangup_channel'; cause: number };

export type CallEventType = 'call_created' | 'call_ringing' | 'call_answered' | 'call_updated' | 'call_hungup' | 'call_deleted';

export interface CallDecision {
  /** The next status; absent when the signal changes nothing but still has effects. */
  to?: CallStatus;
  event?: CallEventType;
  hangupRequest?: HangupReason;
  outcome?: HangupOutcome;
  /** Why the call ended, when the outcome alone does not say. */
  detail?: string;
  /** Ended by reconciliation rather than by an event of its channel. */
  reconciled?: boolean;
  /** The attempt failed and the next provider is tried, on the same call (it stays dialing). */
  failover?: { cause: number };
  effects: CallEffect[];
}

const EVENT_OF_STATUS: Readonly<Record<CallStatus, CallEventType>> = {
  dialing: 'call_created',
  ringing: 'call_ringing',
  progressing: 'call_answered',
  terminating: 'call_updated',
  canceling: 'call_updated',
  hangup: 'call_hungup',
};

/** Why a call of a media server that went away ended (its events stopped; nothing more is known). */
export const MEDIA_SERVER_LOST_DETAIL = "Ended because its media server was lost: the server's event stream stayed down longer than ARI_LOST_AFTER_MS.";

/**
 * The call lifecycle as a pure function. Returns null for a signal that must not change the call
 * (a late or duplicated media event); throws AppError for a request the call's state forbids.
 */
export function decide(call: CallFacts, signal: CallSignal): CallDecision | null {
  switch (signal.type) {
    case 'ringing':
      return move(call.status, 'ringing');
    case 'answered':
      return move(call.status, 'progressing');
    case 'hangup_requested':
      return requestHangup(call, signal.reason);
    case 'dial_timeout':
      return call.status === 'dialing' || call.status === 'ringing' ? requestHangup(call, 'dialout') : null;
    case 'channel_destroyed': {
      const attemptsMade = call.attempts?.length ?? 0;
      const failover = { direction: call.direction, status: call.status, hangupRequest: call.hangupRequest, attemptsMade, plannedProviders: call.routePlan?.length ?? 0 };
      if (attemptsMade > 0 && failsOver(failover, signal.cause)) return { failover: { cause: signal.cause }, effects: [] };
      const decision = move(call.status, 'hangup');
      if (!decision) return null;
      const outcome = hangupOutcome({
        direction: call.direction,
        lastStatus: call.status,
        cause: signal.cause,
        requestedReason: call.hangupRequest,
      });
      return { ...decision, outcome };
    }
    case 'media_server_lost': {
      const decision = move(call.status, 'hangup');
      return decision && { ...decision, outcome: { hangupBy: 'local', hangupReason: 'failed' }, detail: MEDIA_SERVER_LOST_DETAIL };
    }
    case 'originate_failed':
      return originateFailed(call, signal.detail);
    case 'channel_lost': {
      const decision = move(call.status, 'hangup');
      if (!decision) return null;
      const outcome = lostChannelOutcome({ direction: call.direction, lastStatus: call.status, requestedReason: call.hangupRequest });
      const detail = `Ended by reconciliation: the channel was gone when the media server's events came back, and how it ended was not heard (last known status: ${call.status}).`;
      return { ...decision, outcome, detail, reconciled: true };
    }
  }
}

/** The cause stored with a signal that ends the call (the channel's, or the product's own). */
export function hangupCauseOf(signal: CallSignal): number | undefined {
  if (signal.type === 'channel_destroyed') return signal.cause;
  if (signal.type === 'media_server_lost') return Q850.NETWORK_OUT_OF_ORDER;
  return undefined;
}

/**
 * No channel could be made: a call still dialing ends now (local, failed) rather than wait for
 * its dial timeout. Any other call changes nothing: one that rang or answered has a channel
 * after all (an answer lost on the way), one being hung up ends by its hangup. The hangup is
 * sent anyway, as a channel may exist whose creation was never confirmed.
 */
function originateFailed(call: CallFacts, detail: string): CallDecision | null {
  if (call.status !== 'dialing') return null;
  const decision = move(call.status, 'hangup');
  if (!decision) return null;
  const outcome: HangupOutcome = { hangupBy: 'local', hangupReason: 'failed' };
  return { ...decision, outcome, detail, effects: [{ type: 'hangup_channel', cause: causeForReason(outcome.hangupReason) }] };
}

/**
 * Signals whose effect depends on nothing but the current status (ringing, answered): the
 * conditional update alone applies them, with no read first. Null for every other signal.
 */
export function statusOnlyMove(signal: CallSignal): { to: CallStatus; event: CallEventType } | null {
  if (signal.type === 'ringing') return { to: 'ringing', event: EVENT_OF_STATUS.ringing };
  if (signal.type === 'answered') return { to: 'progressing', event: EVENT_OF_STATUS.progressing };
  return null;
}

/**
 * A hangup asked of an answered (progressing) call: the same whatever the call's direction or an
 * earlier request (terminating, `call_updated`, its channel hung up with cause normal), so it can
 * be applied as one conditional move from progressing without reading the call first.
 */
export function hangupOfAnswered(): CallDecision & { to: CallStatus; event: CallEventType } {
  const decision = requestHangup({ status: 'progressing', direction: 'outgoing', hangupRequest: null }, undefined);
  return { ...decision, to: decision.to!, event: decision.event! };
}

function move(from: CallStatus, to: CallStatus): CallDecision | null {
  return canTransition(from, to) ? { to, event: EVENT_OF_STATUS[to], effects: [] } : null;
}

function requestHangup(call: CallFacts, reason: HangupReason | undefined): CallDecision {
  if (call.status === 'hangup') throw new AppError('CALL_ALREADY_HUNGUP', 'The call has already hung up.');
  if (call.status === 'terminating' || call.status === 'canceling') {
    // Already ending: ask again. The queue keeps one job per decision, so this only matters
    // when that job was lost; a hangup is idempotent either way.
    const cause = causeForReason(call.hangupRequest ?? (call.status === 'canceling' ? 'cancel' : 'normal'));
    return { effects: [{ type: 'hangup_channel', cause }] };
  }
  // Only an outgoing call is "canceled"; an unanswered incoming call is rejected (terminating).
  const to: CallStatus = call.status !== 'progressing' && call.direction === 'outgoing' ? 'canceling' : 'terminating';
  const cause = causeForReason(reason ?? (to === 'canceling' ? 'cancel' : 'normal'));
  return {
    to,
    event: EVENT_OF_STATUS[to],
    ...(reason ? { hangupRequest: reason } : {}),
    effects: [{ type: 'hangup_channel', cause }],
  };
}
