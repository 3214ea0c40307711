import type { Call } from '../../domain/call';
import type { Groupcall } from '../../domain/groupcall';
import { isFinalTransferStatus, type Transfer } from '../../domain/transfer';
import { consultEndReason, effectsOfTransferEvent, transfereesEndReason, type TransferInput } from '../../domain/transfer-steps';
import type { CallService } from '../../services/call-service';
import type { TransferService } from '../../services/transfer-service';
import { transferFromRow } from '../../services/transfer-row';
import type { ReactionJobData } from '../reactions/reaction-queue';
import type { TransferEffects } from './transfer-effects';

export interface TransferReactionDeps {
  transfers: Pick<TransferService, 'apply' | 'findOfCall' | 'findOfGroupcall'>;
  calls: Pick<CallService, 'findById'>;
  effects: TransferEffects;
}

/** What a change of one of its calls means to a transfer, or null (nothing). */
function inputOf(transfer: Transfer, call: Call, type: string): TransferInput | null {
  if (call.id === transfer.consultCallId) {
    if (type === 'call_ringing') return { kind: 'consult_ringing' };
    if (type === 'call_answered') return { kind: 'consult_answered' };
    if (type === 'call_hungup') return { kind: 'consult_ended', reason: consultEndReason(call.hangupReason, call.tmProgressing !== null) };
    return null;
  }
  // A leg of several transferees that has not won (yet): its ringing is the transferees' ringing;
  // its answer is the groupcall's to decide (winnerAnswered), its end the groupcall's (transfereesEnded).
  if (transfer.consultCallIds.includes(call.id)) return type === 'call_ringing' ? { kind: 'consult_ringing' } : null;
  if (type !== 'call_hungup') return null;
  if (call.id === transfer.transfererCallId) return { kind: 'transferer_hungup' };
  if (call.id === transfer.callerCallId) return { kind: 'caller_hungup' };
  return null;
}

/** The two calls a final transfer left in its bridge: caller and transferee, or caller and transferer again. */
const pairOf = (transfer: Transfer): (string | null)[] =>
  transfer.status === 'completed' ? [transfer.callerCallId, transfer.consultCallId] : [transfer.callerCallId, transfer.transfererCallId];

/**
 * The transfer reactions: `transfer-input` turns a change of one of a transfer's calls into its
 * move (and the effects that carry no event), `transfer-effects` carries out what a committed
 * transfer event calls for. Both re-read what they change, so a retry does no harm.
 */
export function createTransferReactions({ transfers, calls, effects }: TransferReactionDeps) {
  async function move(transfer: Transfer, input: TransferInput): Promise<Transfer> {
    // The effects come from the input and the transfer as it is now, not from whether this run
    // moved it: a retry after a crash between the move and its effects finds the same ones.
    const moved = await transfers.apply(transfer, input);
    await effects.carryOut(moved.transfer.id, moved.effects);
    return moved.transfer;
  }

  async function input(call: Call, type: string): Promise<void> {
    const transfer = await transfers.findOfCall(call.id);
    if (!transfer) return;
    const change = inputOf(transfer, call, type);
    const moved = change ? await move(transfer, change) : transfer;
    if (type === 'call_hungup' && isFinalTransferStatus(moved.status) && pairOf(moved).includes(call.id)) {
      await effects.destroyBridge(transfer.id);
    }
  }

  return {
    input,

    /**
     * The leg that won the transferees' groupcall (the groupcall-answer claim): it is the
     * transferee from now on, and its answer moves the transfer as a single consult call's does.
     * Answers whether the leg is a transfer's (else it is a connect's). A winner that hung up
     * before it was named is the transferee hanging up: its own hangup found no transferee then.
     */
    async winnerAnswered(leg: Call): Promise<boolean> {
      const transfer = leg.groupcallId ? await transfers.findOfGroupcall(leg.groupcallId) : null;
      if (!transfer) return false;
      await move(transfer, { kind: 'consult_answered', callId: leg.id });
      const now = await calls.findById(leg.id);
      if (now?.status === 'hangup') await input(now, 'call_hungup');
      return true;
    },

    /** The transferees' groupcall ended with no answer: the transfer fails (why: transfereesEndReason). */
    async transfereesEnded(groupcall: Groupcall): Promise<void> {
      const transfer = await transfers.findOfGroupcall(groupcall.id);
      if (!transfer || groupcall.answerCallId) return;
      const legs = await Promise.all(groupcall.callIds.map((id) => calls.findById(id)));
      const reasons = legs.flatMap((leg) => (leg ? [consultEndReason(leg.hangupReason, false)] : []));
      await move(transfer, { kind: 'consult_ended', reason: transfereesEndReason(reasons) });
    },

    async onEvent(event: ReactionJobData): Promise<void> {
      const snapshot = transferFromRow(event.payload);
      await effects.carryOut(snapshot.id, effectsOfTransferEvent(event.type, snapshot));
    },
  };
}
