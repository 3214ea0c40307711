import { randomUUID } from 'node:crypto';
import { callNotUp } from '../domain/call-state-error';
import { AppError, invalidArgument } from '../domain/errors';
import type { Transfer } from '../domain/transfer';
import { parseTransferRequest, type TransferFallbackRequest, type TransferRequestInput } from '../domain/transfer-request';
import { effectsOfInput, transferStep, type TransferEffect, type TransferInput } from '../domain/transfer-steps';
import type { NewTransfer, TransferCursor, TransferRepository } from '../persistence/transfer-repository';
import type { CallService } from './call-service';
import { storedActions, type FlowService } from './flow-service';
import { groupcallLegId, parseId } from './ids';

const MAX_ATTEMPTS = 8;

/**
 * The consult calls' ids, chosen with the transfer: one call, or a groupcall whose legs' ids
 * derive from its id (as the groupcall dials them), so every one is known as the transfer's from
 * its first event. With several, the transferee's call is the leg that wins (set by its answer).
 */
function consultCallsOf(count: number): Pick<NewTransfer, 'consultCallId' | 'consultCallIds' | 'groupcallId'> {
  if (count === 1) {
    const consultCallId = randomUUID();
    return { consultCallId, consultCallIds: [consultCallId], groupcallId: null };
  }
  const groupcallId = randomUUID();
  return { consultCallId: null, consultCallIds: Array.from({ length: count }, (_, index) => groupcallLegId(groupcallId, index)), groupcallId };
}
const MAX_IDEMPOTENCY_KEY = 255;

export interface TransferServiceDeps {
  transfers: TransferRepository;
  calls: Pick<CallService, 'get' | 'findById' | 'signal'>;
  flows: Pick<FlowService, 'getSaved'>;
}

/**
 * Transfers on both surfaces. A request validates, checks the transferer is answered and bridged
 * with its caller, and makes the transfer; everything after that (dialling, bridges, music on
 * hold) is a reaction to the transfer's committed events (src/workers/transfers/).
 */
export function createTransferService({ transfers, calls, flows }: TransferServiceDeps) {
  /** A fallback flow is a saved flow of the customer's; fallback actions are checked as a flow's are. */
  async function resolveFallback(customerId: string, fallback: TransferFallbackRequest): Promise<Pick<NewTransfer, 'fallbackFlowId' | 'fallbackActions'>> {
    if (!fallback) return { fallbackFlowId: null, fallbackActions: null };
    // Inline actions become a temporary flow (made with the transfer), so the caller's flow can move into it.
    if (fallback.actions) return { fallbackFlowId: randomUUID(), fallbackActions: storedActions(fallback.actions, 'fallback.actions') as Record<string, unknown>[] };
    const flow = await flows.getSaved(customerId, parseId(fallback.flowId, 'fallback.flow_id'), 'fallback.flow_id');
    return { fallbackFlowId: flow.id, fallbackActions: null };
  }

  async function getOwned(customerId: string, id: unknown): Promise<Transfer> {
    const transfer = await transfers.findOwned(parseId(id, 'id'), customerId);
    if (!transfer) throw new AppError('TRANSFER_NOT_FOUND', 'The transfer was not found.');
    return transfer;
  }

  /** Moves the transfer by `input` on its freshest row; a lost race is decided again. */
  async function apply(initial: Transfer, input: TransferInput): Promise<{ transfer: Transfer; effects: TransferEffect[] }> {
    let transfer = initial;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const decision = transferStep(transfer, input);
      if (!decision || (decision.status === transfer.status && decision.type === transfer.type)) return { transfer, effects: effectsOfInput(transfer, input) };
      const moved = await transfers.move(transfer.id, transfer, decision);
      if (moved) return { transfer: moved, effects: effectsOfInput(moved, input) };
      transfer = (await transfers.findById(transfer.id)) ?? transfer;
    }
    throw new AppError('CONCURRENT_CHANGE', 'The transfer kept changing; try again.');
  }

  /** The caller of a transfer: the transferer's master, both answered (a connect bridged them). */
  async function callerOf(customerId: string, transfererCallId: unknown) {
    const transferer = await calls.get(customerId, transfererCallId);
    if (transferer.status !== 'progressing') throw callNotUp(transferer.status, `Only an answered call can be transferred; the call is ${transferer.status}.`);
    const caller = transferer.masterCallId ? await calls.findById(transferer.masterCallId) : null;
    if (!caller || caller.status !== 'progressing') {
      throw new AppError('CALL_NOT_BRIDGED', 'The call is not bridged with a caller: a transfer hands over the call this one was connected to (its master), which must be answered.');
    }
    return { transferer, caller };
  }

  async function byKey(customerId: string, key: string | null): Promise<Transfer | null> {
    return key ? transfers.findByIdempotencyKey(customerId, key) : null;
  }

  return {
    get: getOwned,

    /** The customer's transfers these calls take part in, in one query (GraphQL Call.transfers). */
    ofCalls: (customerId: string, callIds: readonly string[]) => transfers.findOfCalls(callIds, customerId),

    async list(customerId: string, query: { pageSize: number; after?: TransferCursor | undefined }) {
      return transfers.list(customerId, query.pageSize, query.after);
    },

    /** Starts a transfer of the caller bridged with `transfererCallId`; a repeated key answers the first. */
    async start(customerId: string, transfererCallId: unknown, input: TransferRequestInput, idempotencyKey: string | null = null): Promise<Transfer> {
      if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > MAX_IDEMPOTENCY_KEY)) {
        throw invalidArgument('Idempotency-Key', `must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`);
      }
      const earlier = await byKey(customerId, idempotencyKey);
      if (earlier) return earlier;
      const request = parseTransferRequest(input);
      const fallback = await resolveFallback(customerId, request.fallback);
      const { transferer, caller } = await callerOf(customerId, transfererCallId);
      const made = await transfers.create({
        ...consultCallsOf(request.destinations.length),
        id: randomUUID(),
        customerId,
        type: request.type,
        transfererCallId: transferer.id,
        callerCallId: caller.id,
        destinations: request.destinations,
        ringMethod: request.ringMethod,
        context: request.context,
        timeoutMs: request.timeoutMs,
        ...fallback,
        idempotencyKey,
      });
      if ('created' in made) return made.created;
      // A request with the same key that won the race answers this one too, whichever unique
      // index (the key's, or one transfer in progress per call) refused this insert.
      const raced = await byKey(customerId, idempotencyKey);
      if (raced) return raced;
      throw new AppError('TRANSFER_IN_PROGRESS', 'A transfer is already in progress on this call or its caller; complete or cancel it first.');
    },

    async complete(customerId: string, id: unknown): Promise<Transfer> {
      return finish(await getOwned(customerId, id), { kind: 'complete' });
    },

    async cancel(customerId: string, id: unknown): Promise<Transfer> {
      return finish(await getOwned(customerId, id), { kind: 'cancel' });
    },

    /** A call of the transfer changed (the transfer-input reaction): the move, and any effect without an event. */
    apply,
    findById: transfers.findById,
    findOfCall: transfers.findOfCall,
    findOfGroupcall: transfers.findOfGroupcall,
    isConsultCall: transfers.isConsultCall,
    /**
     * Whether the caller's newest transfer, made during the action that began at `actionStart`
     * (its connect), is a blind one that did not complete: then the transfer decides what the
     * caller does once that connect has no leg left (its fallback, or a hangup), and the connect
     * does not move the caller's flow on as well. A connect of the fallback itself began later.
     */
    async decidesCaller(callerId: string, actionStart: Date): Promise<boolean> {
      const transfer = await transfers.latestOfCaller(callerId);
      return transfer !== null && transfer.tmCreate >= actionStart && transfer.type === 'blind' && transfer.status !== 'completed';
    },
  };

  async function finish(transfer: Transfer, input: TransferInput): Promise<Transfer> {
    if (transfer.tmEnd) throw new AppError('TRANSFER_ENDED', `The transfer is already ${transfer.status}.`);
    const { transfer: after, effects } = await apply(transfer, input);
    // An attended transfer turned blind: its transferer leaves now (the rest follows its hangup).
    const turnedBlind = after.type === 'blind' && transfer.type === 'attended' && !after.tmEnd;
    if (turnedBlind || effects.includes('hangup_transferer')) await calls.signal(after.transfererCallId, { type: 'hangup_requested', reason: 'normal' });
    return after;
  }
}

export type TransferService = ReturnType<typeof createTransferService>;
