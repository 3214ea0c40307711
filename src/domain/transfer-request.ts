import { parseAddress, type Address, type AddressInput } from './address';
import { resolveDialTimeout } from './dial-timeout';
import { AppError, invalidArgument } from './errors';
import { parseRingMethod, type RingMethod } from './groupcall';
import { assertLegCount } from './groupcall-destinations';
import { TRANSFER_TYPES, type TransferType } from './transfer';

/** The largest context a transfer carries to its transferee (the spec's 16 KB). */
export const MAX_TRANSFER_CONTEXT_BYTES = 16 * 1024;

/** A transfer request as a client sent it (REST body or GraphQL input, already in these names). */
export interface TransferRequestInput {
  type?: unknown;
  destination?: AddressInput | null;
  destinations?: (AddressInput | null)[] | null;
  /** Several destinations: ring_all (the default) or linear. */
  ringMethod?: unknown;
  context?: unknown;
  timeout?: unknown;
  /** {flowId} or {actions}; anything else is refused naming `fallback`. */
  fallback?: unknown;
}

/** A fallback as asked for: a flow of the customer's (its ownership checked by the service), or inline actions. */
export type TransferFallbackRequest = { flowId: unknown; actions: null } | { flowId: null; actions: unknown[] } | null;

export interface TransferRequest {
  type: TransferType;
  /** One transferee, or several rung as a groupcall (at most the groupcall legs limit). */
  destinations: Address[];
  ringMethod: RingMethod;
  context: Record<string, unknown>;
  timeoutMs: number;
  fallback: TransferFallbackRequest;
}

function destinationsOf(input: TransferRequestInput): Address[] {
  const list = input.destinations ?? null;
  if (input.destination != null && list != null) throw invalidArgument('destinations', 'give destination or destinations, not both');
  if (list == null) return [parseAddress(input.destination, 'destination')];
  if (!Array.isArray(list) || list.length === 0) throw invalidArgument('destinations', 'must be a list of at least one address');
  // Several transferees ring as one groupcall: its limit on legs is theirs.
  assertLegCount(list.length);
  return list.map((destination, index) => parseAddress(destination, `destinations[${index}]`));
}

/** Validates a transfer request; every problem is a 400 naming its field, and nothing is changed. */
export function parseTransferRequest(input: TransferRequestInput): TransferRequest {
  if (!TRANSFER_TYPES.includes(input.type as TransferType)) throw invalidArgument('type', `must be one of ${TRANSFER_TYPES.join(', ')}`);
  const destinations = destinationsOf(input);
  const ringMethod = parseRingMethod(input.ringMethod);
  const context = input.context ?? {};
  if (typeof context !== 'object' || context === null || Array.isArray(context)) throw invalidArgument('context', 'must be a JSON object');
  if (Buffer.byteLength(JSON.stringify(context)) > MAX_TRANSFER_CONTEXT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `context: must be at most ${MAX_TRANSFER_CONTEXT_BYTES} bytes of JSON`, 'context');
  }
  const timeoutMs = resolveDialTimeout(input.timeout, 'timeout');
  return { type: input.type as TransferType, destinations, ringMethod, context: context as Record<string, unknown>, timeoutMs, fallback: fallbackOf(input.fallback) };
}

/** `fallback`: {flow_id} or {actions} (a non-empty list), not both; absent or null for none. */
function fallbackOf(fallback: TransferRequestInput['fallback']): TransferFallbackRequest {
  if (fallback === undefined || fallback === null) return null;
  if (typeof fallback !== 'object' || Array.isArray(fallback)) throw invalidArgument('fallback', 'must be an object with flow_id or actions');
  const { flowId, actions } = fallback as { flowId?: unknown; actions?: unknown };
  const hasFlow = flowId !== undefined && flowId !== null;
  const hasActions = actions !== undefined && actions !== null;
  if (hasFlow && hasActions) throw invalidArgument('fallback', 'give flow_id or actions, not both');
  if (hasFlow) return { flowId, actions: null };
  if (!hasActions) throw invalidArgument('fallback', 'give flow_id or actions');
  if (!Array.isArray(actions) || actions.length === 0) throw invalidArgument('fallback.actions', 'must be a non-empty list of actions');
  return { flowId: null, actions };
}
