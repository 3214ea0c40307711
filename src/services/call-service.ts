import type { Call } from '../domain/call';
import { canChainTo, chainedHangupReason } from '../domain/call-chain';
import { decide, hangupCauseOf, hangupOfAnswered, statusOnlyMove, type CallDecision, type CallEventType, type CallFacts, type CallSignal } from '../domain/call-lifecycle';
import type { CallRepository, CallTransition } from '../persistence/call-repository';
import type { CallStatus } from '../domain/call-status';
import { AppError } from '../domain/errors';
import { MAX_PAGE_SIZE } from '../domain/paging';
import { attemptChannelId } from '../domain/failover';
import { causeForReason } from '../domain/hangup';
import type { Logger } from '../platform/logger';
import type { CallCursor } from '../domain/call';
import { createCallsUseCase, type CreateCallsDeps } from './create-calls';
import { createIncomingUseCase } from './create-incoming-call';
import { parseId } from './ids';
import type { HangupCommand } from './ports';
import { BoundedMap } from '../domain/bounded-map';


export interface ListCallsQuery {
  /** A size the surface checked with the one page-size rule (domain/paging). */
  pageSize?: number | null | undefined;
  after?: CallCursor | undefined;
  statuses?: CallStatus[] | undefined;
  direction?: Call['direction'] | undefined;
}

export interface CallPage {
  calls: Call[];
  /** Each call's own position, for cursors that resume right after it. */
  cursors: CallCursor[];
  /** Where the next page starts; null when this page was the last. */
  next: CallCursor | null;
}

/** A committed move: its event's name and the call after it. */
export type MoveListener = (event: CallEventType, call: Call) => void;

/** A decision that moves the call (a failover keeps its status: it is not one). */
type Move = CallDecision & { to: CallStatus; event: CallEventType };
const moves = (decision: CallDecision | null): decision is Move => Boolean(decision?.to && decision.event && !decision.failover);

/** Attempts at a state change that lost a race; the loser re-reads and decides again. */
const MAX_ATTEMPTS = 5;

/** Live calls remembered; past this many the oldest are forgotten (the memo only saves reads). */
const MEMO_SIZE = 100_000;

/** What this process last saw of a live call: enough to decide on its channel's end. */
type KnownCall = Pick<CallFacts, 'status' | 'direction' | 'hangupRequest'> & Pick<Call, 'id' | 'activeflowId' | 'channelId'>;

/**
 * Calls: creation, the lifecycle's moves and their commands. What follows from a committed move
 * (flows, connect legs, the chain cascade) is not done here but by the reactions to its event
 * (src/domain/reactions.ts, src/workers/reactions/), which survive a crash after the commit.
 */
export function createCallService(deps: CreateCallsDeps & { logger: Logger }) {
  const { commands, logger } = deps;
  const moveListeners: MoveListener[] = [];
  const told = (event: CallEventType, moved: Call | null): Call | null => {
    if (moved) for (const listener of moveListeners) listener(event, moved);
    return moved;
  };
  // Every move of a call this service commits goes through these two, so every one is told.
  const calls: CallRepository = {
    ...deps.calls,
    transition: async (change) => told(change.event, await deps.calls.transition(change)),
    failOver: async (change) => told('call_updated', await deps.calls.failOver(change)),
    transitionMany: async (ids, change) => {
      const moved = await deps.calls.transitionMany(ids, change);
      for (const call of moved) told(change.event, call);
      return moved;
    },
  };
  const createCalls = createCallsUseCase(deps);
  const createIncoming = createIncomingUseCase(deps);
  /**
   * Live calls as this process last saw them (its own reads and moves, the hangup jobs it ran).
   * Two uses, both safe when the memo is stale: a call gets its activeflow id at insert or never,
   * so a flowless call's hangup skips looking its flow up; and a channel's end is first tried as
   * a conditional move from the status seen (another change since makes it move nothing, and the
   * call is then read as before), which saves the read on every hangup.
   */
  const known = new BoundedMap<string, KnownCall>(MEMO_SIZE);
  const remember = (call: KnownCall): void => {
    if (call.status === 'hangup') {
      known.delete(call.id);
      return;
    }
    known.set(call.id, { id: call.id, status: call.status, direction: call.direction, hangupRequest: call.hangupRequest, activeflowId: call.activeflowId, channelId: call.channelId });
  };
  const seen = <T extends Call | null>(call: T): T => {
    if (call) remember(call);
    return call;
  };

  /** The conditional move of a decision taken on a call in status `from`. */
  const moveOf = (from: CallStatus, decision: Move, signal: CallSignal): Omit<CallTransition, 'id'> => ({
    from,
    to: decision.to,
    event: decision.event,
    hangupRequest: decision.hangupRequest,
    hangupBy: decision.outcome?.hangupBy,
    hangupReason: decision.outcome?.hangupReason,
    hangupCause: hangupCauseOf(signal),
    hangupDetail: decision.detail,
    hangupReconciled: decision.reconciled,
  });

  /**
   * A channel's end, or a hangup asked for (a groupcall's losers), decided on the call as last
   * seen, with no read: the move applies only if the call is still in the status seen. Answers
   * the moved call (its hangup sent), or null to read and decide afresh.
   */
  async function moveFromKnown(callId: string, received: Extract<CallSignal, { type: 'channel_destroyed' | 'hangup_requested' }>, hangup: HangupCommand): Promise<Call | null> {
    const last = known.get(callId);
    if (!last) return null;
    // A dialing call may fail over to its next provider (decided on its attempts, not kept
    // here), and an earlier attempt's channel does not speak for the call: both are read.
    if (received.type === 'channel_destroyed' && (last.status === 'dialing' || (received.channelId && received.channelId !== last.channelId))) return null;
    const decision = decide(last, received);
    if (!moves(decision)) return null;
    const moved = await calls.transition({ id: callId, ...moveOf(last.status, decision, received) });
    if (moved) for (const effect of decision.effects) await hangup(moved, effect.cause);
    return moved;
  }

  async function getOwned(customerId: string, id: unknown): Promise<Call> {
    const call = await calls.findOwned(parseId(id, 'id'), customerId);
    if (!call) throw new AppError('CALL_NOT_FOUND', 'The call was not found.');
    return call;
  }

  /**
   * The API's hangup of a call that is answered: one conditional move from progressing, limited
   * to the customer's calls, with no read first (the decision does not depend on the row).
   * Answers null, having changed nothing, for a call in any other state, another customer's
   * call or none: the caller then reads it and decides as for every hangup.
   */
  async function hangupIfAnswered(customerId: string, callId: string): Promise<Call | null> {
    const signal: CallSignal = { type: 'hangup_requested' };
    const decision = hangupOfAnswered();
    const moved = await calls.transition({ id: callId, customerId, ...moveOf('progressing', decision, signal) });
    if (moved) for (const effect of decision.effects) await commands.hangup(moved, effect.cause);
    return moved;
  }

  /**
   * Decides on the freshest row and applies the move with a conditional update; when another
   * change won the race, reads again. Answers the call as it is afterwards. `hangup` carries out
   * the move's hangup: a telephony job, unless the caller asks for it at once.
   */
  async function apply(initial: Call, signal: CallSignal, hangup: HangupCommand = commands.hangup): Promise<Call> {
    let call = initial;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // An earlier attempt's channel (route failover) no longer speaks for the call.
      if (signal.type === 'channel_destroyed' && signal.channelId && signal.channelId !== call.channelId) return call;
      const decision = decide(call, signal);
      if (!decision) return call;
      if (decision.failover) {
        const made = call.attempts.length;
        const moved = await calls.failOver({
          id: call.id,
          attemptsMade: made,
          cause: decision.failover.cause,
          next: call.routePlan[made]!,
          nextChannelId: attemptChannelId(call.id, made + 1),
        });
        if (moved) return moved; // the failover-dial reaction to its call_updated dials the next provider
        const fresh = await calls.findById(call.id);
        if (!fresh) return call;
        call = fresh;
        continue;
      }
      let result = call;
      if (moves(decision)) {
        const moved = await calls.transition({ id: call.id, ...moveOf(call.status, decision, signal) });
        if (!moved) {
          const fresh = await calls.findById(call.id);
          if (!fresh) return call;
          call = fresh;
          continue;
        }
        result = moved;
      }
      for (const effect of decision.effects) await hangup(result, effect.cause);
      return result;
    }
    logger.warn({ callId: call.id, signal }, 'gave up applying a signal after repeated conflicts');
    return call;
  }

  /** The master's cascade: every chained call still up is hung up, local/normal (a ringing groupcall leg: cancel). */
  async function hangupChained(masterId: string): Promise<void> {
    for (const chained of await calls.findLiveChained(masterId)) {
      try {
        await apply(chained, { type: 'hangup_requested', reason: chainedHangupReason(chained) });
      } catch (error) {
        // Ended on its own since it was read: nothing left to do for it.
        if (!(error instanceof AppError && error.code === 'CALL_ALREADY_HUNGUP')) throw error;
      }
    }
  }

  /**
   * A signal from the media server, a timer or a reaction; unknown calls are ignored (answers
   * null). `hangup`: how a hangup it calls for is sent (src/workers/channel-hangup.ts).
   */
  async function signal(callId: string, received: CallSignal, hangup?: HangupCommand): Promise<Call | null> {
    return seen(await applySignal(callId, received, hangup));
  }

  /**
   * A hangup asked of several calls at once (a groupcall's losers): the calls this process last
   * saw in the same state move in one statement, decided once on that state; a call not seen, or
   * no longer as seen, gets its own signal.
   */
  async function hangupMany(callIds: readonly string[], received: Extract<CallSignal, { type: 'hangup_requested' }>, hangup: HangupCommand = commands.hangup): Promise<void> {
    const alike = new Map<string, { last: KnownCall; ids: string[] }>();
    const alone: string[] = [];
    for (const id of callIds) {
      const last = known.get(id);
      if (!last) alone.push(id);
      else {
        const key = `${last.status}/${last.direction}/${last.hangupRequest}`;
        alike.set(key, { last, ids: [...(alike.get(key)?.ids ?? []), id] });
      }
    }
    await Promise.all([
      ...[...alike.values()].map(async ({ last, ids }) => {
        const decision = decide(last, received);
        const moved = moves(decision) ? await calls.transitionMany(ids, moveOf(last.status, decision, received)) : [];
        const left = ids.filter((id) => !moved.some((call) => call.id === id));
        await Promise.all([
          ...moved.map(async (call) => {
            seen(call);
            for (const effect of decision?.effects ?? []) await hangup(call, effect.cause);
          }),
          ...left.map((id) => signal(id, received, hangup)),
        ]);
      }),
      ...alone.map((id) => signal(id, received, hangup)),
    ]);
  }

  async function applySignal(callId: string, received: CallSignal, hangup: HangupCommand = commands.hangup): Promise<Call | null> {
    if (received.type === 'channel_destroyed' || received.type === 'hangup_requested') {
      const moved = await moveFromKnown(callId, received, hangup);
      if (moved) return moved;
    }
    const forward = statusOnlyMove(received);
    if (forward) {
      const moved = await calls.transition({ id: callId, ...forward });
      if (moved) return moved;
      const call = await calls.findById(callId);
      // Its channel rings or answers, but the call already ended (hung up while being
      // originated): end the channel too, or it would stay up with no call behind it.
      if (call?.status === 'hangup') await commands.hangup(call, causeForReason('normal'));
      return call;
    }
    const call = await calls.findById(callId);
    if (!call) return null;
    try {
      return await apply(call, received, hangup);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CALL_ALREADY_HUNGUP') return call;
      throw error;
    }
  }

  return {
    create: createCalls,
    /** A channel that entered from outside becomes an incoming call of the called number's customer. */
    createIncoming,
    get: getOwned,

    async list(customerId: string, query: ListCallsQuery): Promise<CallPage> {
      const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
      const page = await calls.list({ customerId, limit: pageSize, after: query.after, statuses: query.statuses, direction: query.direction });
      const full = page.calls.length === pageSize;
      return { ...page, next: full ? (page.cursors[page.cursors.length - 1] ?? null) : null };
    },

    async hangup(customerId: string, id: unknown): Promise<Call> {
      const callId = parseId(id, 'id');
      return (await hangupIfAnswered(customerId, callId)) ?? apply(await getOwned(customerId, callId), { type: 'hangup_requested' });
    },

    /** Hangs a live call up first, then hides it from lists (a second delete changes nothing). */
    async delete(customerId: string, id: unknown): Promise<Call> {
      const callId = parseId(id, 'id');
      let call = await hangupIfAnswered(customerId, callId);
      if (!call) {
        call = await getOwned(customerId, callId);
        if (call.status !== 'hangup') call = await apply(call, { type: 'hangup_requested' });
      }
      return (await calls.markDeleted(call.id, customerId)) ?? call;
    },

    /** The chain cascade (a reaction): a master no longer chainable hangs up its live chained calls. */
    async endChainOfEndingMaster(masterId: string): Promise<void> {
      const master = await calls.findById(masterId);
      if (master && !canChainTo(master.status)) await hangupChained(masterId);
    },

    /**
     * A reaction to the call's change could not run however often it was tried: the error is
     * recorded on the call (with call_updated) and the call ends, local, reason `failed`, rather
     * than stay up with nothing driving it.
     */
    async reactionGaveUp(callId: string, reason: string): Promise<void> {
      await calls.recordReactionError(callId, reason);
      await signal(callId, { type: 'hangup_requested', reason: 'failed' });
    },

    hangupChained,
    signal,
    hangupMany,
    /**
     * Told every move this process commits, once committed: the worker's eager reactions
     * (workers/reactions/eager-reactions.ts) start on it without waiting for the outbox.
     */
    onMoved(listener: MoveListener): void {
      moveListeners.push(listener);
    },

    /**
     * Sends again the originate of those calls still dialing, for a retry that finds calls an
     * earlier attempt made, which may have died before it sent it. Harmless for a call it was
     * sent for: the job is keyed by the call, the originate re-reads it, and a channel already
     * made is not dialled twice (its mark). Their dial timeout needs nothing: it is each call's
     * deadline, stored by its insert, which the sweep enforces.
     */
    async dialAgain(callIds: readonly string[]): Promise<void> {
      const found = await Promise.all(callIds.map((id) => calls.findById(id)));
      await Promise.all(found.flatMap((call) => (call && call.status === 'dialing' && !call.hangupRequest ? [commands.originate(call.id)] : [])));
    },

    /** Calls dialing or ringing past their dial deadline (src/workers/dial-timeouts.ts), at most `limit`. */
    findOverdueDials: (limit: number): Promise<Call[]> => calls.findOverdueDials(limit),
    /**
     * The dial timeout of a call found overdue: decided on the row as read, applied as a
     * conditional move (a call answered or ended since changes nothing; of two sweeps at once
     * one moves it, the other re-reads and finds nothing to do).
     */
    dialTimedOut: async (call: Call): Promise<Call> => seen(await apply(call, { type: 'dial_timeout' })),
    /** Whether this process knows the call has no flow (so there is none to end at its hangup). */
    knownWithoutFlow: (callId: string): boolean => known.get(callId)?.activeflowId === null,
    /** A call as a hangup job saw it decided (the job comes from another process). */
    remember,

    // Reads for the workers and surfaces (they reach no repository themselves).
    findById: async (id: string) => seen(await calls.findById(id)),
    findManyOwned: calls.findManyOwned,
    findChained: calls.findChained,
    findChainedSince: calls.findChainedSince,
    findLive: calls.findLive,
    findLiveOn: calls.findLiveOn,
    placeOnMediaServer: calls.placeOnMediaServer,
    mediaServerOfChannel: calls.mediaServerOfChannel,
    markMediaServer: calls.markMediaServer,
    findOrphanedChained: calls.findOrphanedChained,
    callIdOfChannel: calls.callIdOfChannel,
    findByChannel: calls.findByChannel,
    channelOf: calls.channelOf,
  };
}

export type CallService = ReturnType<typeof createCallService>;

/** The reads of calls that workers need (by id or channel, without a customer). */
export type CallLookups = Pick<CallService, 'findById' | 'findChained' | 'findChainedSince' | 'findLive' | 'findLiveOn' | 'findOrphanedChained' | 'callIdOfChannel' | 'findByChannel' | 'channelOf' | 'knownWithoutFlow'>;
