import { parseAddress, type AddressInput } from '../domain/address';
import type { Call } from '../domain/call';
import { canChainTo } from '../domain/call-chain';
import { resolveDialTimeout } from '../domain/dial-timeout';
import { AppError, invalidArgument } from '../domain/errors';
import { parseSeedVariables } from '../domain/flow/flow-variables';
import type { Prisma } from '../generated/prisma/client';
import type { PlannedProvider } from '../domain/routing';
import type { PrismaClient } from '../persistence/database';
import { addressToStored } from './call-row';
import type { CallRepository, NewCall, NewFlow } from '../persistence/call-repository';
import { newCallId } from '../persistence/call-repository';
import { storedActions } from './flow-service';
import { parseId } from './ids';
import type { NumberService } from './number-service';
import type { TelephonyCommands } from './ports';

export interface CreateCallsInput {
  source?: AddressInput | null;
  destinations?: (AddressInput | null)[] | null;
  flowId?: string | null;
  actions?: unknown[] | null;
  earlyExecution?: boolean | null;
  dialTimeout?: number | null;
  masterCallId?: string | null;
  /** Internal (no surface sets it): the id of the one call, known before it is dialled (a transfer's consult call). */
  callId?: string;
  /** Seeds the flow's variables (VoIPBIN's `variables`). */
  variables?: unknown;
}

/**
 * Calls made through one provider (a provider call, docs/routing.md): each call's plan is that
 * provider alone, the source is taken as given (a carrier's allow-list may want a number no
 * customer holds), and `record` is a statement of the calls' own transaction.
 */
export interface ThroughProvider {
  provider: PlannedProvider;
  record: (calls: readonly NewCall[]) => Prisma.PrismaPromise<unknown>;
}

export const MAX_DESTINATIONS = 100;

export interface CreateCallsDeps {
  prisma: PrismaClient;
  calls: CallRepository;
  commands: TelephonyCommands;
  numbers: Pick<NumberService, 'assertSource' | 'incomingRoute'>;
}

/** One outgoing call per destination, all dialing, with the flow they will run on answer. */
export function createCallsUseCase({ prisma, calls, commands, numbers }: CreateCallsDeps) {
  return async function createCalls(customerId: string, input: CreateCallsInput, through?: ThroughProvider): Promise<Call[]> {
    const source = parseAddress(input.source, 'source');
    const destinations = parseDestinations(input.destinations);
    const dialTimeoutMs = resolveDialTimeout(input.dialTimeout, 'dial_timeout');
    if (input.earlyExecution != null && typeof input.earlyExecution !== 'boolean') {
      throw invalidArgument('early_execution', 'must be true or false');
    }
    const variables = parseSeedVariables(input.variables);
    const flow = await resolveFlow(prisma, customerId, input);
    const masterCallId = await resolveMaster(calls, customerId, input.masterCallId);

    const newCalls: NewCall[] = destinations.map((destination) => ({
      id: input.callId ?? newCallId(),
      customerId,
      flowId: flow?.id ?? null,
      type: 'flow',
      direction: 'outgoing',
      source: addressToStored(source),
      destination: addressToStored(destination),
      masterCallId,
      earlyExecution: input.earlyExecution ?? false,
      dialTimeoutMs,
      variables,
      ...(through ? { routePlan: [through.provider] } : {}),
    }));
    // The insert itself checks that a tel source is one of the customer's numbers (one statement fewer).
    const heldSource = source.type === 'tel' && !through ? source.target : null;
    const created = await calls.insert(newCalls, flow?.isNew ? flow.record : null, through ? [through.record(newCalls)] : [], heldSource);
    if (created.length === 0) {
      // Nothing was inserted: the source is not the customer's, or the master ended since the check above.
      await numbers.assertSource(customerId, source);
      if (masterCallId) await resolveMaster(calls, customerId, masterCallId);
    }
    if (created.length === 0) throw new AppError('MASTER_CALL_NOT_DIALING', 'The master call is no longer dialing, ringing or progressing.', 'master_call_id');
    // No timer to start: the insert stored each call's dial deadline, which the workers' sweep enforces.
    await Promise.all(created.map((call) => commands.originate(call.id)));
    return created;
  };
}

export function parseDestinations(destinations: CreateCallsInput['destinations']) {
  if (!Array.isArray(destinations) || destinations.length === 0) {
    throw invalidArgument('destinations', 'at least one destination is required');
  }
  if (destinations.length > MAX_DESTINATIONS) {
    throw invalidArgument('destinations', `at most ${MAX_DESTINATIONS} destinations per request`);
  }
  return destinations.map((destination, index) => parseAddress(destination, `destinations[${index}]`));
}

export type ResolvedFlow = { id: string; isNew: false } | { id: string; isNew: true; record: NewFlow };

export async function resolveFlow(prisma: PrismaClient, customerId: string, input: CreateCallsInput): Promise<ResolvedFlow | null> {
  const hasActions = input.actions !== undefined && input.actions !== null;
  if (input.flowId && hasActions) throw invalidArgument('actions', 'give either flow_id or actions, not both');
  if (input.flowId) {
    const flowId = parseId(input.flowId, 'flow_id');
    const flow = await prisma.flow.findFirst({ where: { id: flowId, customerId, tmDelete: null }, select: { id: true } });
    if (!flow) throw new AppError('FLOW_NOT_FOUND', 'The flow was not found.', 'flow_id');
    return { id: flow.id, isNew: false };
  }
  if (!hasActions) return null;
  // Validated exactly as a saved flow's actions are, so a bad inline flow creates nothing.
  const actions = storedActions(input.actions);
  const id = newCallId();
  return { id, isNew: true, record: { id, customerId, type: 'temporary', actions } };
}

async function resolveMaster(calls: CallRepository, customerId: string, masterCallId: string | null | undefined) {
  if (!masterCallId) return null;
  const id = parseId(masterCallId, 'master_call_id');
  const master = await calls.findOwned(id, customerId);
  if (!master) throw new AppError('CALL_NOT_FOUND', 'The master call was not found.', 'master_call_id');
  if (!canChainTo(master.status)) {
    throw new AppError('MASTER_CALL_NOT_DIALING', `A call can be chained only to a master that is dialing, ringing or progressing; the master is ${master.status}.`, 'master_call_id');
  }
  return id;
}
