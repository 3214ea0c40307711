import type { AddressInput } from '../domain/address';
import { parseAddress } from '../domain/address';
import type { Call } from '../domain/call';
import type { CallCursor } from '../domain/call';
import { resolveDialTimeout } from '../domain/dial-timeout';
import { AppError } from '../domain/errors';
import {
  afterLegEnded,
  hangsUpLosers,
  initialDialCount,
  LOSING_LEG_REASON,
  parseAnswerMethod,
  parseRingMethod,
  type Groupcall,
} from '../domain/groupcall';
import { MAX_PAGE_SIZE } from '../domain/paging';
import type { CallRepository, NewCall } from '../persistence/call-repository';
import { newCallId } from '../persistence/call-repository';
import type { GroupcallRepository } from '../persistence/groupcall-repository';
import type { PrismaClient } from '../persistence/database';
import type { Address } from '../domain/address';
import { addressToStored } from './call-row';
import type { CallService } from './call-service';
import { parseDestinations, resolveFlow } from './create-calls';
import { parseId } from './ids';
import type { NumberService } from './number-service';
import type { TelephonyCommands } from './ports';

export interface CreateGroupcallInput {
  source?: AddressInput | null;
  destinations?: (AddressInput | null)[] | null;
  flowId?: string | null;
  actions?: unknown[] | null;
  ringMethod?: unknown;
  answerMethod?: unknown;
  /** Each leg's dial timeout in ms (linear: each destination's turn). */
  dialTimeout?: number | null;
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
  callService: Pick<CallService, 'signal'>;
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

  const legOf = (groupcall: Pick<Groupcall, 'id' | 'customerId' | 'flowId' | 'source' | 'dialTimeoutMs'>, id: string, destination: Address): NewCall => ({
    id,
    customerId: groupcall.customerId,
    flowId: groupcall.flowId,
    type: 'flow',
    direction: 'outgoing',
    source: addressToStored(groupcall.source),
    destination: addressToStored(destination),
    masterCallId: null,
    groupcallId: groupcall.id,
    earlyExecution: false,
    dialTimeoutMs: groupcall.dialTimeoutMs,
  });

  const dial = async (legs: readonly { id: string }[], dialTimeoutMs: number) => {
    await Promise.all(legs.flatMap((leg) => [commands.originate(leg.id), commands.scheduleDialTimeout(leg.id, dialTimeoutMs)]));
  };

  async function getOwned(customerId: string, id: unknown): Promise<Groupcall> {
    const groupcall = await groupcalls.findOwned(parseId(id, 'id'), customerId);
    if (!groupcall) throw new AppError('GROUPCALL_NOT_FOUND', 'The groupcall was not found.');
    return groupcall;
  }

  /** Hangs up the legs still up other than `keep` (the winner), with `reason`. */
  async function hangupLegs(groupcall: Groupcall, keep: string | null, reason: typeof LOSING_LEG_REASON | undefined): Promise<void> {
    for (const callId of groupcall.callIds) {
      if (callId !== keep) await callService.signal(callId, { type: 'hangup_requested', reason });
    }
  }

  return {
    async create(customerId: string, input: CreateGroupcallInput): Promise<Groupcall> {
      const source = parseAddress(input.source, 'source');
      const destinations = parseDestinations(input.destinations);
      const ringMethod = parseRingMethod(input.ringMethod);
      const answerMethod = parseAnswerMethod(input.answerMethod);
      const dialTimeoutMs = resolveDialTimeout(input.dialTimeout, 'dial_timeout');
      // VoIPBIN: flow_id wins over actions when both are given.
      const flow = await resolveFlow(prisma, customerId, input.flowId ? { flowId: input.flowId } : { actions: input.actions });
      await numbers.assertSource(customerId, source);

      const id = newCallId();
      const shape = { id, customerId, flowId: flow?.id ?? null, source, dialTimeoutMs };
      const legs = destinations.slice(0, initialDialCount(ringMethod, destinations.length)).map((destination) => legOf(shape, newCallId(), destination));
      const row = groupcalls.insertStatement({
        ...shape,
        source: addressToStored(source),
        destinations: destinations.map(addressToStored),
        ringMethod,
        answerMethod,
        callIds: legs.map((leg) => leg.id),
      });
      await calls.insert(legs, flow?.isNew ? flow.record : null, [row]);
      await dial(legs, dialTimeoutMs);
      return (await groupcalls.findById(id)) as Groupcall;
    },

    get: getOwned,

    async list(customerId: string, query: { pageSize?: number | null; after?: CallCursor | undefined }): Promise<GroupcallPage> {
      const pageSize = query.pageSize ?? MAX_PAGE_SIZE;
      const page = await groupcalls.list(customerId, pageSize, query.after);
      return { ...page, next: page.groupcalls.length === pageSize ? (page.cursors.at(-1) ?? null) : null };
    },

    /** Ends every leg (the groupcall ends with the last of them); an ended groupcall answers 409. */
    async hangup(customerId: string, id: unknown): Promise<Groupcall> {
      const groupcall = await getOwned(customerId, id);
      if (groupcall.status === 'hangup') throw new AppError('GROUPCALL_ALREADY_HUNGUP', 'The groupcall has already ended.');
      const ending = (await groupcalls.markHangingUp(groupcall.id)) ?? groupcall;
      await hangupLegs(ending, null, undefined);
      return (await groupcalls.endIfIdle(groupcall.id)) ?? (await getOwned(customerId, groupcall.id));
    },

    /** Hangs a live groupcall up first, then hides it from lists (readable by id, as calls are). */
    async delete(customerId: string, id: unknown): Promise<Groupcall> {
      let groupcall = await getOwned(customerId, id);
      if (groupcall.status !== 'hangup') {
        const ending = (await groupcalls.markHangingUp(groupcall.id)) ?? groupcall;
        await hangupLegs(ending, null, undefined);
        groupcall = (await groupcalls.endIfIdle(groupcall.id)) ?? groupcall;
      }
      return (await groupcalls.markDeleted(groupcall.id, customerId)) ?? (await getOwned(customerId, groupcall.id));
    },

    /**
     * The groupcall-answer reaction: the first leg to answer wins (one conditional update); the
     * others are cancelled (hangup_others). Answers whether `leg` is the winner (its flow starts).
     */
    async legAnswered(leg: Call): Promise<boolean> {
      if (!leg.groupcallId) return false;
      const groupcall = (await groupcalls.claimAnswer(leg.groupcallId, leg.id)) ?? (await groupcalls.findById(leg.groupcallId));
      if (!groupcall) return false;
      // A retried reaction of the winner finds its own id there and does the rest again.
      if (groupcall.answerCallId === leg.id) {
        if (hangsUpLosers(groupcall.answerMethod)) await hangupLegs(groupcall, leg.id, LOSING_LEG_REASON);
        return true;
      }
      if (hangsUpLosers(groupcall.answerMethod) || groupcall.status !== 'progressing') {
        await callService.signal(leg.id, { type: 'hangup_requested', reason: LOSING_LEG_REASON });
      }
      return false;
    },

    /** The groupcall-leg-end reaction: linear dials the next destination; the last leg's end ends the groupcall. */
    async legEnded(leg: Call): Promise<void> {
      if (!leg.groupcallId) return;
      const groupcall = await groupcalls.findById(leg.groupcallId);
      if (!groupcall) return;
      const index = groupcall.callIds.indexOf(leg.id);
      if (afterLegEnded(groupcall, index) === 'dial-next') {
        const next = legOf(groupcall, newCallId(), groupcall.destinations[index + 1] as Address);
        await calls.insert([next], null, [groupcalls.advanceStatement(groupcall.id, index, next.id)]);
        // The next leg as listed (by this run or an earlier one that died before dialling it).
        const listed = (await groupcalls.findById(groupcall.id))?.callIds[index + 1];
        if (listed) await dial([{ id: listed }], groupcall.dialTimeoutMs);
      }
      await groupcalls.endIfIdle(groupcall.id);
    },

    findById: groupcalls.findById,
    findManyOwned: groupcalls.findManyOwned,
  };
}

export type GroupcallService = ReturnType<typeof createGroupcallService>;
