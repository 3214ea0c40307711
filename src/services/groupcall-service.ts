import type { AddressInput } from '../domain/address';
import { parseAddress } from '../domain/address';
import type { Call } from '../domain/call';
import type { CallCursor } from '../domain/call';
import { DEFAULT_DIAL_TIMEOUT_MS, resolveDialTimeout } from '../domain/dial-timeout';
import { AppError } from '../domain/errors';
import { afterLegEnded, hangsUpLosers, LOSING_LEG_REASON, parseAnswerMethod, parseRingMethod, type Groupcall, type RingMethod } from '../domain/groupcall';
import { MAX_GROUPCALL_LEVELS, parseGroupcallDestinations, type GroupcallDestinationInput } from '../domain/groupcall-destinations';
import { MAX_PAGE_SIZE } from '../domain/paging';
import type { CallRepository } from '../persistence/call-repository';
import { newCallId } from '../persistence/call-repository';
import type { GroupcallRepository } from '../persistence/groupcall-repository';
import type { PrismaClient } from '../persistence/database';
import type { CallService } from './call-service';
import { resolveFlow } from './create-calls';
import { destinationIndexOf, planNext, planStart, type DialPlan, type GroupcallShape } from './groupcall-dial-plan';
import { parseId } from './ids';
import type { NumberService } from './number-service';
import type { HangupCommand, TelephonyCommands } from './ports';

export interface CreateGroupcallInput {
  source?: AddressInput | null;
  /** Addresses, and nested groupcalls: `{type: 'groupcall', groupcall: {destinations, ringMethod, dialTimeout}}`. */
  destinations?: (GroupcallDestinationInput | null)[] | null;
  flowId?: string | null;
  actions?: unknown[] | null;
  ringMethod?: unknown;
  answerMethod?: unknown;
  /** Each leg's dial timeout in ms (linear: each destination's turn). */
  dialTimeout?: number | null;
}

export interface CreateForCallInput {
  source: AddressInput;
  destinations: AddressInput[];
  ringMethod: RingMethod;
  /** Chosen by the caller of this (a transfer), so a retry finds the groupcall made; else a new one. */
  id?: string;
  /** Each leg's dial timeout (linear: each destination's turn); default 30 s. */
  dialTimeoutMs?: number;
}

export interface GroupcallPage {
  groupcalls: Groupcall[];
  cursors: CallCursor[];
  next: CallCursor | null;
}

export interface GroupcallServiceDeps {
  prisma: PrismaClient;
  calls: CallRepository;
  groupcalls: GroupcallRepository;
  callService: Pick<CallService, 'hangupMany'>;
  commands: TelephonyCommands;
  numbers: Pick<NumberService, 'assertSource'>;
}

/**
 * Groupcalls: several legs for one call, the first answer wins (docs/groupcalls.md). The legs'
 * answers and ends move the groupcall through reactions (legAnswered, legEnded), which survive a
 * crash after the leg's change committed and may run twice.
 */
export function createGroupcallService(deps: GroupcallServiceDeps) {
  const { prisma, calls, groupcalls, callService, commands, numbers } = deps;

  /** Each leg's dial deadline was stored by its insert (a linear leg's when it is dialled), so only the originate is sent. */
  const dial = async (legs: readonly { id: string }[]) => {
    await Promise.all(legs.map((leg) => commands.originate(leg.id)));
  };

  /** Inserts what a dial plan makes, in one transaction (`first`: a statement that must come before). */
  const insertPlan = (plan: DialPlan, flow: Parameters<CallRepository['insert']>[1], first: Parameters<CallRepository['insert']>[2] = []) =>
    calls.insert(plan.legs, flow, [...first, ...plan.groupcalls.map(groupcalls.insertStatement)]);

  async function getOwned(customerId: string, id: unknown): Promise<Groupcall> {
    const groupcall = await groupcalls.findOwned(parseId(id, 'id'), customerId);
    if (!groupcall) throw new AppError('GROUPCALL_NOT_FOUND', 'The groupcall was not found.');
    return groupcall;
  }

  const hangupCalls = (ids: readonly string[], reason: typeof LOSING_LEG_REASON | undefined, hangup?: HangupCommand) =>
    callService.hangupMany(ids, { type: 'hangup_requested', reason }, hangup);

  /**
   * Hangs a groupcall up with everything it dialled: it stops dialling (hangingup), its legs are
   * hung up and its nested groupcalls likewise; each ends once what it dialled did.
   */
  async function hangupTree(groupcall: Groupcall, reason: typeof LOSING_LEG_REASON | undefined, hangup?: HangupCommand): Promise<Groupcall> {
    const ending = (await groupcalls.markHangingUp(groupcall.id)) ?? groupcall;
    const nested = await groupcalls.findManyByIds(ending.groupcallIds);
    await Promise.all([hangupCalls(ending.callIds, reason, hangup), ...nested.filter((child) => child.status !== 'hangup').map((child) => hangupTree(child, reason, hangup))]);
    return (await groupcalls.endIfIdle(ending.id)) ?? ending;
  }

  /** hangup_others at the winner: every level cancels what it dialled but the winner and the groupcalls it answered through. */
  async function cancelAllBut(groupcall: Groupcall, winner: string, hangup: HangupCommand | undefined): Promise<void> {
    const nested = await groupcalls.findManyByIds(groupcall.groupcallIds);
    await Promise.all([
      hangupCalls(groupcall.callIds.filter((id) => id !== winner), LOSING_LEG_REASON, hangup),
      ...nested.map((child) => (child.answerCallId === winner ? cancelAllBut(child, winner, hangup) : child.status === 'hangup' ? null : hangupTree(child, LOSING_LEG_REASON, hangup))),
    ]);
  }

  /** Linear: dials the destination after `endedIndex` if the groupcall moves on to it (one conditional statement). */
  async function dialNext(groupcall: Groupcall, endedIndex: number): Promise<void> {
    const { next, plan } = planNext(groupcall, endedIndex + 1);
    await insertPlan(plan, null, [groupcalls.advanceStatement(groupcall.id, endedIndex, next)]);
    // Dialled if listed, by this run or an earlier one that died before dialling (the plan is the same).
    const now = await groupcalls.findById(groupcall.id);
    const listed = 'callId' in next ? now?.callIds.includes(next.callId) : now?.groupcallIds.includes(next.groupcallId);
    if (listed) await dial(plan.legs);
  }

  /** After a leg or nested groupcall of `groupcall` ended: linear may move on; it ends once nothing it dialled is up. */
  async function afterEnd(groupcall: Groupcall, ended: { callId: string } | { groupcallId: string }): Promise<void> {
    const index = destinationIndexOf(groupcall, ended);
    if (index >= 0 && afterLegEnded(groupcall, index) === 'dial-next') await dialNext(groupcall, index);
    await groupcalls.endIfIdle(groupcall.id);
  }

  return {
    async create(customerId: string, input: CreateGroupcallInput): Promise<Groupcall> {
      const source = parseAddress(input.source, 'source');
      const dialTimeoutMs = resolveDialTimeout(input.dialTimeout, 'dial_timeout');
      const destinations = parseGroupcallDestinations(input.destinations, dialTimeoutMs, newCallId);
      const ringMethod = parseRingMethod(input.ringMethod);
      const answerMethod = parseAnswerMethod(input.answerMethod);
      // VoIPBIN: flow_id wins over actions when both are given.
      const flow = await resolveFlow(prisma, customerId, input.flowId ? { flowId: input.flowId } : { actions: input.actions });
      await numbers.assertSource(customerId, source);

      const shape: GroupcallShape = {
        id: newCallId(),
        customerId,
        flowId: flow?.id ?? null,
        source,
        destinations,
        ringMethod,
        answerMethod,
        dialTimeoutMs,
        masterCallId: null,
        masterGroupcallId: null,
      };
      const plan = planStart(shape);
      await insertPlan(plan, flow?.isNew ? flow.record : null);
      await dial(plan.legs);
      return (await groupcalls.findById(shape.id)) as Groupcall;
    },

    /**
     * A groupcall of the call (`master_call_id`): a flow's connect to several destinations, or a
     * transfer's transferees (`id` chosen with the transfer, its timeout each leg's). No flow of
     * its own (the winner is bridged with the call), hangup_others. Its legs are chained to the
     * call, so the call's end cancels them and the groupcall ends with its final event.
     */
    async createForCall(call: Call, input: CreateForCallInput): Promise<Groupcall | null> {
      const source = parseAddress(input.source, 'source');
      await numbers.assertSource(call.customerId, source);
      const dialTimeoutMs = input.dialTimeoutMs ?? DEFAULT_DIAL_TIMEOUT_MS;
      const shape: GroupcallShape = {
        id: input.id ?? newCallId(),
        customerId: call.customerId,
        flowId: null,
        source,
        destinations: parseGroupcallDestinations(input.destinations, dialTimeoutMs, newCallId),
        ringMethod: input.ringMethod,
        answerMethod: 'hangup_others',
        dialTimeoutMs,
        masterCallId: call.id,
        masterGroupcallId: null,
      };
      const plan = planStart(shape);
      // Nothing is inserted when the call began to end meanwhile.
      if ((await insertPlan(plan, null)).length > 0) await dial(plan.legs);
      return groupcalls.findById(shape.id);
    },

    get: getOwned,

    async list(customerId: string, query: { pageSize?: number | null; after?: CallCursor | undefined }): Promise<GroupcallPage> {
      const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
      const page = await groupcalls.list(customerId, pageSize, query.after);
      return { ...page, next: page.groupcalls.length === pageSize ? (page.cursors.at(-1) ?? null) : null };
    },

    /** Ends every leg, nested groupcalls' too (the groupcall ends with the last of them); an ended groupcall answers 409. */
    async hangup(customerId: string, id: unknown): Promise<Groupcall> {
      const groupcall = await getOwned(customerId, id);
      if (groupcall.status === 'hangup') throw new AppError('GROUPCALL_ALREADY_HUNGUP', 'The groupcall has already ended.');
      await hangupTree(groupcall, undefined);
      return getOwned(customerId, groupcall.id);
    },

    /** Hangs a live groupcall up first, then hides it from lists (readable by id, as calls are). */
    async delete(customerId: string, id: unknown): Promise<Groupcall> {
      let groupcall = await getOwned(customerId, id);
      if (groupcall.status !== 'hangup') groupcall = await hangupTree(groupcall, undefined);
      return (await groupcalls.markDeleted(groupcall.id, customerId)) ?? (await getOwned(customerId, groupcall.id));
    },

    /**
     * The groupcall-answer reaction. The leg claims its groupcall, then each master in turn up to
     * the top (each one conditional statement): the first answer to claim the top wins, and
     * every level cancels the rest (hangup_others). A leg that loses at some level is cancelled.
     * Answers whether `leg` won (its flow starts). A retried run finds its own id at each level,
     * and asks again for the hangup of every loser still ending, so `hangup` may send them at once.
     */
    async legAnswered(leg: Call, hangup?: HangupCommand): Promise<boolean> {
      let top: Groupcall | null = null;
      let via: string | null = null;
      for (let id: string | null = leg.groupcallId, level = 0; id && level < MAX_GROUPCALL_LEVELS; level++) {
        const current: Groupcall | null = (await groupcalls.claimAnswer(id, leg.id, via)) ?? (await groupcalls.findById(id));
        if (!current) return false;
        if (current.answerCallId !== leg.id) {
          if (hangsUpLosers(current.answerMethod) || current.status !== 'progressing') await hangupCalls([leg.id], LOSING_LEG_REASON, hangup);
          return false;
        }
        [top, via, id] = [current, current.id, current.masterGroupcallId];
      }
      // Once answered nothing more is listed on the top, so its row as claimed is complete.
      if (top && hangsUpLosers(top.answerMethod)) await cancelAllBut(top, leg.id, hangup);
      return top !== null;
    },

    /** The groupcall-leg-end reaction: linear dials the next destination; the last leg's end ends the groupcall. */
    async legEnded(leg: Call): Promise<void> {
      const groupcall = leg.groupcallId ? await groupcalls.findById(leg.groupcallId) : null;
      if (groupcall) await afterEnd(groupcall, { callId: leg.id });
    },

    /** The groupcall-end reaction of a nested groupcall: its master may dial on, or end. */
    async nestedEnded(nested: Pick<Groupcall, 'id' | 'masterGroupcallId'>): Promise<void> {
      const master = nested.masterGroupcallId ? await groupcalls.findById(nested.masterGroupcallId) : null;
      if (master) await afterEnd(master, { groupcallId: nested.id });
    },

    /** A nested groupcall's reaction could not run: the groupcall it could not move on is hung up. */
    async reactionGaveUp(groupcallId: string): Promise<void> {
      const groupcall = await groupcalls.findById(groupcallId);
      if (groupcall && groupcall.status !== 'hangup') await hangupTree(groupcall, undefined);
    },

    /** A transfer's transferees no longer wanted (its cancel, its failure): every leg still up is cancelled. */
    async cancel(groupcallId: string): Promise<void> {
      const groupcall = await groupcalls.findById(groupcallId);
      if (groupcall && groupcall.status !== 'hangup') await hangupTree(groupcall, LOSING_LEG_REASON);
    },

    findById: groupcalls.findById,
    findManyOwned: groupcalls.findManyOwned,
  };
}

export type GroupcallService = ReturnType<typeof createGroupcallService>;
