import { invalidArgument } from '../domain/errors';
import type { TransferRequestInput } from '../domain/transfer-request';
import { addressFrom, isObject } from './create-calls.request';

/** The body of `POST /v1.0/calls/{id}/transfer` as the service's input (shape only; the service validates). */
export function transferInputFrom(body: unknown): TransferRequestInput {
  if (!isObject(body)) throw invalidArgument('body', 'must be a JSON object');
  const { destinations, fallback } = body;
  return {
    type: body.type,
    destination: body.destination === undefined ? null : addressFrom(body.destination),
    destinations: Array.isArray(destinations) ? destinations.map(addressFrom) : (destinations as null),
    ringMethod: body.ring_method,
    context: body.context,
    timeout: body.timeout,
    // {flow_id} or {actions}; a bare string is taken as a flow id.
    fallback: fallback === undefined || fallback === null ? null : isObject(fallback) ? { flowId: fallback.flow_id, actions: fallback.actions } : typeof fallback === 'string' ? { flowId: fallback } : fallback,
  };
}

/** VoIPBIN's `POST /v1.0/transfers` {transfer_type, transferer_call_id, transferee_addresses}. */
export function voipbinTransferInputFrom(body: unknown): { transfererCallId: unknown; input: TransferRequestInput } {
  if (!isObject(body)) throw invalidArgument('body', 'must be a JSON object');
  const addresses = body.transferee_addresses;
  if (!Array.isArray(addresses)) throw invalidArgument('transferee_addresses', 'must be a list of addresses');
  return { transfererCallId: body.transferer_call_id, input: { type: body.transfer_type, destinations: addresses.map(addressFrom) } };
}

/** The `Idempotency-Key` header, when given. */
export const idempotencyKeyOf = (header: string | string[] | undefined): string | null => (Array.isArray(header) ? (header[0] ?? null) : (header ?? null));
