import type { Call } from '../../domain/call';
import { isFinalTransferStatus, type Transfer } from '../../domain/transfer';
import { consultEndReason, effectsOfTransferEvent, type TransferInput } from '../../domain/transfer-steps';
import type { TransferService } from '../../services/transfer-service';
import { transferFromRow } from '../../services/transfer-row';
import type { ReactionJobData } from '../reactions/reaction-queue';
import type { TransferEffects } from './transfer-effects';

export interface TransferReactionDeps {
  transfers: Pick<TransferService, 'apply' | 'findOfCall'>;
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
export function createTransferReactions({ transfers, effects }: TransferReactionDeps) {
  return {
    async input(call: Call, type: string): Promise<void> {
      const transfer = await transfers.findOfCall(call.id);
      if (!transfer) return;
      const input = inputOf(transfer, call, type);
      // The effects come from the input and the transfer as it is now, not from whether this run
      // moved it: a retry after a crash between the move and its effects finds the same ones.
      const moved = input ? await transfers.apply(transfer, input) : { transfer, effects: [] };
      await effects.carryOut(moved.transfer.id, moved.effects);
      if (type === 'call_hungup' && isFinalTransferStatus(moved.transfer.status) && pairOf(moved.transfer).includes(call.id)) {
        await effects.destroyBridge(transfer.id);
      }
    },

    async onEvent(event: ReactionJobData): Promise<void> {
      const snapshot = transferFromRow(event.payload);
      await effects.carryOut(snapshot.id, effectsOfTransferEvent(event.type, snapshot));
    },
  };
}
