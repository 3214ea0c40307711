import type { Address } from './address';
import type { RingMethod } from './groupcall';

export const TRANSFER_TYPES = ['blind', 'attended'] as const;
export type TransferType = (typeof TRANSFER_TYPES)[number];

/** Forward only, in this order; the last three are final (exactly one final event each). */
export const TRANSFER_STATUSES = ['dialing', 'ringing', 'consulting', 'completed', 'cancelled', 'failed'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const ACTIVE_TRANSFER_STATUSES: readonly TransferStatus[] = ['dialing', 'ringing', 'consulting'];
export const FINAL_TRANSFER_STATUSES: readonly TransferStatus[] = ['completed', 'cancelled', 'failed'];

export const isFinalTransferStatus = (status: TransferStatus): boolean => FINAL_TRANSFER_STATUSES.includes(status);

/**
 * What the caller goes on with when a blind transfer does not reach the transferee: a flow of the
 * customer's, or inline actions (kept, and made into a temporary flow `flowId` with the transfer).
 */
export type TransferFallback = { flowId: string; actions: Record<string, unknown>[] | null } | null;

export interface Transfer {
  id: string;
  customerId: string;
  type: TransferType;
  status: TransferStatus;
  transfererCallId: string;
  callerCallId: string;
  /** The transferee's call: the one consult call, or (several destinations) the leg that answered first; null until then. */
  consultCallId: string | null;
  /** Every call to a transferee: the one consult call, or the groupcall's legs (in destination order). */
  consultCallIds: string[];
  /** The first (or only) transferee. */
  destination: Address;
  /** Every transferee asked for: several ring at once (ring_all) or in turn (linear) as the groupcall groupcallId. */
  destinations: Address[];
  ringMethod: RingMethod;
  /** The groupcall of the transferees when there are several (chosen with the transfer), else null. */
  groupcallId: string | null;
  context: Record<string, unknown>;
  timeoutMs: number;
  fallback: TransferFallback;
  idempotencyKey: string | null;
  /** Why it ended as it did (documented in docs/transfers.md); null while in progress. */
  reason: string | null;
  eventSeq: number;
  tmCreate: Date;
  tmUpdate: Date;
  tmRinging: Date | null;
  tmAnswer: Date | null;
  tmEnd: Date | null;
}

/**
 * The statuses a transfer may move to from `from`: later ones only. Every status write is
 * conditioned on the row being in one of the statuses that may precede the new one.
 */
export function statusesBefore(to: TransferStatus): TransferStatus[] {
  if (isFinalTransferStatus(to)) return [...ACTIVE_TRANSFER_STATUSES];
  return ACTIVE_TRANSFER_STATUSES.slice(0, ACTIVE_TRANSFER_STATUSES.indexOf(to));
}

export const canMoveTransfer = (from: TransferStatus, to: TransferStatus): boolean => statusesBefore(to).includes(from);

/** The event each status is entered with. */
export const TRANSFER_EVENT_OF = {
  dialing: 'transfer_created',
  ringing: 'transfer_ringing',
  consulting: 'transfer_answered',
  completed: 'transfer_completed',
  cancelled: 'transfer_cancelled',
  failed: 'transfer_failed',
} as const satisfies Record<TransferStatus, string>;

/** The events a transfer ends with: exactly one of them per transfer. */
export const FINAL_TRANSFER_EVENTS: readonly string[] = FINAL_TRANSFER_STATUSES.map((status) => TRANSFER_EVENT_OF[status]);
