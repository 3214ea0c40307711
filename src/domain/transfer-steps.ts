import type { Transfer, TransferStatus, TransferType } from './transfer';
import { isFinalTransferStatus } from './transfer';

/** What happened to a transfer: one of its calls changed, or a client asked for something. */
export type TransferInput =
  | { kind: 'consult_ringing' }
  /** The consult call answered; with several transferees, `callId` is the leg that won their groupcall. */
  | { kind: 'consult_answered'; callId?: string }
  /** The consult call ended before the transfer completed: busy, no_answer, failed or transferee_hangup. */
  | { kind: 'consult_ended'; reason: string }
  | { kind: 'transferer_hungup' }
  | { kind: 'caller_hungup' }
  | { kind: 'complete' }
  | { kind: 'cancel' };

export interface TransferMoveDecision {
  status: TransferStatus;
  /** An attended transfer completed before the answer goes on as a blind one. */
  type: TransferType;
  reason: string | null;
  /** The transferee's call, set by the answer of the leg that won the transferees' groupcall. */
  consultCallId?: string;
}

/**
 * The one rule of transfers: where an input moves the transfer, or null when it changes nothing
 * (it came after the final status, or the status has no use for it). Of two racing inputs the
 * database takes the first; the second is decided again against the status that won.
 */
export function transferStep(transfer: Transfer, input: TransferInput): TransferMoveDecision | null {
  const { status, type } = transfer;
  if (isFinalTransferStatus(status)) return null;
  const answered = status === 'consulting';
  const to = (next: TransferStatus, reason: string | null = null): TransferMoveDecision => ({ status: next, type, reason });
  switch (input.kind) {
    case 'consult_ringing':
      return status === 'dialing' ? to('ringing') : null;
    case 'consult_answered':
      if (answered) return null;
      return { ...to(type === 'blind' ? 'completed' : 'consulting'), ...(input.callId ? { consultCallId: input.callId } : {}) };
    case 'consult_ended':
      return to('failed', input.reason);
    case 'caller_hungup':
      return to('cancelled', 'caller_hangup');
    case 'cancel':
      return to('cancelled', 'cancelled');
    case 'transferer_hungup':
    case 'complete':
      if (type === 'blind') return null;
      if (answered) return to('completed');
      return { status, type: 'blind', reason: null };
  }
}

/** What the workers carry out; each is idempotent (a retried reaction does it again harmlessly). */
export type TransferEffect =
  /** Dials the transferee: the consult call, chained to the caller, with the transfer's timeout. */
  | 'dial_consult'
  /** The caller's audio settled to callerAudioOf the transfer now: held, ringing, or plain. */
  | 'settle_caller'
  /** Attended, on answer: transferer and consult call in the transfer's bridge. */
  | 'bridge_transferer_consult'
  /** Caller and consult call in the transfer's bridge; the caller's ringing, music on hold and mute off. */
  | 'bridge_caller_consult'
  /** Caller and transferer back in the transfer's bridge; the caller's music on hold and mute off. */
  | 'restore_caller'
  | 'hangup_transferer'
  | 'hangup_consult'
  /** The caller goes on with the fallback flow, or without one is hung up (local, normal). */
  | 'fallback_caller';

/**
 * The effects of a transfer's committed event (the transfer-effects reaction), from the snapshot
 * alone, so a crash between the change and its effects loses nothing.
 */
export function effectsOfTransferEvent(event: string, transfer: Pick<Transfer, 'type' | 'reason'>): TransferEffect[] {
  const blind = transfer.type === 'blind';
  switch (event) {
    case 'transfer_created':
      return blind ? ['dial_consult', 'hangup_transferer'] : ['settle_caller', 'dial_consult'];
    case 'transfer_answered':
      return ['bridge_transferer_consult'];
    case 'transfer_completed':
      return ['bridge_caller_consult', 'hangup_transferer'];
    case 'transfer_cancelled':
    case 'transfer_failed':
      if (transfer.reason === 'caller_hangup') return ['hangup_consult'];
      return blind ? ['hangup_consult', 'fallback_caller'] : ['hangup_consult', 'restore_caller'];
    default:
      return [];
  }
}

/**
 * The effects of a call's change that moves no status: the transferer of a blind transfer (or of
 * an attended one turned blind) is gone, so the caller hears ringing until the answer.
 */
export function effectsOfInput(transfer: Transfer, input: TransferInput): TransferEffect[] {
  if (isFinalTransferStatus(transfer.status) || transfer.type !== 'blind') return [];
  if (input.kind === 'transferer_hungup') return ['settle_caller'];
  // A retried complete of an attended transfer turned blind: its transferer may still be up.
  if (input.kind === 'complete') return ['hangup_transferer'];
  return [];
}

/** Why a consult call that ended before completion did, from its hangup reason. */
export function consultEndReason(hangupReason: string | null, answered: boolean): string {
  if (answered) return 'transferee_hangup';
  if (hangupReason === 'busy') return 'busy';
  if (hangupReason === 'dialout' || hangupReason === 'noanswer' || hangupReason === 'timeout') return 'no_answer';
  return 'failed';
}

/**
 * Why a transfer to several transferees failed when their groupcall ended with no answer, from
 * each leg's consultEndReason, the most telling first: no_answer when any leg rang unanswered
 * (or was never dialled), else busy when any leg was busy, else failed.
 */
export function transfereesEndReason(legReasons: readonly string[]): string {
  if (legReasons.length === 0 || legReasons.includes('no_answer')) return 'no_answer';
  return legReasons.includes('busy') ? 'busy' : 'failed';
}

/** What the caller hears while a transfer is as it is: held (music on hold, muted in), ringing, or neither. */
export interface CallerAudio {
  held: boolean;
  ringing: boolean;
}

/**
 * The caller's audio for the transfer's status and type: an attended transfer in progress holds
 * it, a blind one (or one turned blind) lets it hear ringing, a final one leaves it plain. Each
 * effect that touches the caller settles it to this after its own change, and again when the
 * transfer moved meanwhile, so of two racing effects the later status decides.
 */
export function callerAudioOf(transfer: Pick<Transfer, 'status' | 'type'>): CallerAudio {
  if (isFinalTransferStatus(transfer.status)) return { held: false, ringing: false };
  return transfer.type === 'blind' ? { held: false, ringing: true } : { held: true, ringing: false };
}
