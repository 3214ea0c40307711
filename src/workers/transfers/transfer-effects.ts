import type { Call } from '../../domain/call';
import type { MediaControl } from '../../domain/media-control';
import { isFinalTransferStatus, type Transfer } from '../../domain/transfer';
import { callerAudioOf, type CallerAudio, type TransferEffect } from '../../domain/transfer-steps';
import { AppError } from '../../domain/errors';
import type { ActiveflowService } from '../../services/activeflow-service';
import type { CallService } from '../../services/call-service';
import type { GroupcallService } from '../../services/groupcall-service';
import type { MediaControlExecutor } from '../../services/media-control-executor';
import type { TransferService } from '../../services/transfer-service';
import type { FlowMediaPort } from '../../telephony/flow-media-port';
import type { MediaControlPort } from '../../telephony/media-control-port';

/** Long enough for any media control a reaction asks for (the executor bounds each ARI request). */
const CONTROL_DEADLINE_MS = 60_000;
/** A transfer moves at most four times, so its caller's audio settles within as many rounds. */
const MAX_SETTLE_ROUNDS = 5;

export interface TransferEffectDeps {
  transfers: Pick<TransferService, 'findById'>;
  calls: Pick<CallService, 'create' | 'signal' | 'findById' | 'dialAgain'>;
  /** Several transferees ring as one groupcall of the caller; the first answer wins it. */
  groupcalls: Pick<GroupcallService, 'createForCall' | 'cancel' | 'findById'>;
  bridges: Pick<FlowMediaPort, 'createBridge' | 'addToBridge' | 'destroyBridge'>;
  media: Pick<MediaControlPort, 'ring'>;
  /** Music on hold and mute, recorded on the Call (moh, mute_direction) as the API's controls are. */
  control: MediaControlExecutor;
  /** The caller's flow, sent to a failed blind transfer's fallback. */
  activeflows: Pick<ActiveflowService, 'divert'>;
}

/** The one bridge of a transfer: the consult, then the pair it leaves talking. */
export const transferBridgeId = (transferId: string): string => `transfer-${transferId}`;

/**
 * Carries out a transfer's effects. Each is idempotent, and one whose call is already gone does
 * nothing: that call's hangup is an input of its own, and moves the transfer.
 */
export function createTransferEffects(deps: TransferEffectDeps) {
  const { calls, bridges, control } = deps;
  const live = async (callId: string | null): Promise<Call | null> => {
    const call = callId ? await calls.findById(callId) : null;
    return call && call.status === 'progressing' ? call : null;
  };
  const run = (callId: string, c: MediaControl) => control({ callId, control: c, deadline: Date.now() + CONTROL_DEADLINE_MS });
  const hangup = async (callId: string | null) => {
    if (callId) await calls.signal(callId, { type: 'hangup_requested', reason: 'normal' });
  };

  /** Applies `audio` to the caller, from its state as read now (the executor serializes controls on one call). */
  async function applyAudio(callerId: string, audio: CallerAudio): Promise<void> {
    const caller = await live(callerId);
    if (!caller) return;
    if (!audio.ringing) await deps.media.ring(caller.channelId, false);
    if (audio.held) {
      if (!caller.moh) await run(caller.id, { type: 'moh', on: true });
      if (caller.muteDirection !== 'in') await run(caller.id, { type: 'mute', on: true, direction: 'in' });
    } else {
      if (caller.moh) await run(caller.id, { type: 'moh', on: false });
      if (caller.muteDirection) await run(caller.id, { type: 'mute', on: false, direction: 'both' });
    }
    if (audio.ringing) await deps.media.ring(caller.channelId, true);
  }

  /**
   * The caller's audio settled to what the transfer calls for now, and again while the transfer
   * moved during it: an effect that read an older status (a hold racing a cancel) is undone by
   * its own re-check, whatever order the two finish in.
   */
  async function settleCaller(transferId: string): Promise<void> {
    let transfer = await deps.transfers.findById(transferId);
    for (let round = 0; transfer && round < MAX_SETTLE_ROUNDS; round++) {
      await applyAudio(transfer.callerCallId, callerAudioOf(transfer));
      const now = await deps.transfers.findById(transferId);
      if (!now || (now.status === transfer.status && now.type === transfer.type)) return;
      transfer = now;
    }
  }

  /** Two calls into the transfer's bridge, unless one of them is gone (its hangup decides then). */
  async function bridge(transfer: Transfer, a: string | null, b: string | null): Promise<Call[] | null> {
    const [first, second] = await Promise.all([live(a), live(b)]);
    if (!first || !second) return null;
    const id = transferBridgeId(transfer.id);
    await bridges.createBridge(id);
    try {
      await bridges.addToBridge(id, [first.channelId, second.channelId]);
    } catch (error) {
      const [stillA, stillB] = await Promise.all([live(a), live(b)]);
      if (stillA && stillB) throw error;
      return null;
    }
    return [first, second];
  }

  /**
   * The consult call, with the id the transfer chose for it, or the groupcall of several
   * transferees (ring_all or linear, each leg with the transfer's timeout). A retry finds it made,
   * and sends the originate of its legs again: an attempt that died between their insert and
   * their originate left them dialing with no channel (for a leg dialled, a no-op).
   */
  async function dialConsult(transfer: Transfer): Promise<void> {
    const caller = await calls.findById(transfer.callerCallId);
    if (!caller || isFinalTransferStatus(transfer.status)) return;
    const made = await consultLegs(transfer);
    if (made) return calls.dialAgain(made);
    const source = { type: caller.source.type, target: caller.source.target, name: caller.source.name };
    const destinations = transfer.destinations.map((destination) => ({ type: destination.type, target: destination.target, name: destination.name }));
    try {
      if (transfer.groupcallId) {
        await deps.groupcalls.createForCall(caller, { id: transfer.groupcallId, source, destinations, ringMethod: transfer.ringMethod, dialTimeoutMs: transfer.timeoutMs });
      } else if (transfer.consultCallId) {
        await calls.create(transfer.customerId, { source, destinations, masterCallId: caller.id, dialTimeout: transfer.timeoutMs, callId: transfer.consultCallId });
      }
    } catch (error) {
      // The caller is ending: its hangup cancels the transfer.
      if (error instanceof AppError && (error.code === 'MASTER_CALL_NOT_DIALING' || error.code === 'CALL_NOT_FOUND')) return;
      throw error;
    }
    // Cancelled while it was being dialled: its cancel found nothing to end, so it ends here.
    const now = await deps.transfers.findById(transfer.id);
    if (now && isFinalTransferStatus(now.status) && now.status !== 'completed') await hangupConsult(now);
  }

  /** The transferees' calls made so far (the groupcall's legs, or the consult call); null: none made yet. */
  async function consultLegs(transfer: Transfer): Promise<string[] | null> {
    if (transfer.groupcallId) return (await deps.groupcalls.findById(transfer.groupcallId))?.callIds ?? null;
    return transfer.consultCallId && (await calls.findById(transfer.consultCallId)) ? [transfer.consultCallId] : null;
  }

  /** The transferee's call ends, and with several transferees every leg of theirs still ringing (cancel). */
  async function hangupConsult(transfer: Transfer): Promise<void> {
    await hangup(transfer.consultCallId);
    if (transfer.groupcallId) await deps.groupcalls.cancel(transfer.groupcallId);
  }

  const EFFECTS: Record<TransferEffect, (transfer: Transfer) => Promise<void>> = {
    dial_consult: dialConsult,
    settle_caller: (transfer) => settleCaller(transfer.id),
    bridge_transferer_consult: async (transfer) => {
      if (transfer.status === 'consulting') await bridge(transfer, transfer.transfererCallId, transfer.consultCallId);
    },
    bridge_caller_consult: async (transfer) => {
      await bridge(transfer, transfer.callerCallId, transfer.consultCallId);
      await settleCaller(transfer.id);
    },
    restore_caller: async (transfer) => {
      await bridge(transfer, transfer.callerCallId, transfer.transfererCallId);
      await settleCaller(transfer.id);
    },
    hangup_transferer: (transfer) => hangup(transfer.transfererCallId),
    hangup_consult: hangupConsult,
    fallback_caller: async (transfer) => {
      const caller = await live(transfer.callerCallId);
      if (!caller) return;
      if (transfer.fallback) {
        await settleCaller(transfer.id);
        // Its flow goes on with the fallback's first action; a caller running no flow has nothing to go on with.
        if (await deps.activeflows.divert(caller.id, transfer.fallback.flowId, transfer.tmCreate)) return;
      }
      await hangup(caller.id);
    },
  };

  return {
    async carryOut(transferId: string, effects: readonly TransferEffect[]): Promise<void> {
      for (const effect of effects) {
        // Fresh each time: an effect may find the transfer moved on by the one before.
        const transfer = await deps.transfers.findById(transferId);
        if (transfer) await EFFECTS[effect](transfer);
      }
    },
    /** The transfer's bridge goes with the caller or the transferee (a retry finds it gone). */
    destroyBridge: (transferId: string) => bridges.destroyBridge(transferBridgeId(transferId)),
  };
}

export type TransferEffects = ReturnType<typeof createTransferEffects>;
