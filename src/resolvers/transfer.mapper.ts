import type { Transfer as DomainTransfer } from '../domain/transfer';
import { isFinalTransferStatus } from '../domain/transfer';
import type { EventRecord } from '../events/event-record';
import type { AddressTypeEnum } from '../schema/call-status.enum';
import type { RingMethodEnum } from '../schema/groupcall.enum';
import type { TransferStatusEnum, TransferTypeEnum } from '../schema/transfer.enum';
import type { Transfer, TransferEvent } from '../schema/transfer.type';
import { transferFromRow } from '../services/transfer-row';

export const toGraphqlTransfer = (transfer: DomainTransfer): Transfer => ({
  id: transfer.id,
  type: transfer.type as TransferTypeEnum,
  status: transfer.status as TransferStatusEnum,
  transfererCallId: transfer.transfererCallId,
  callerCallId: transfer.callerCallId,
  consultCallId: transfer.consultCallId,
  consultCallIds: transfer.consultCallIds,
  destination: { ...transfer.destination, type: transfer.destination.type as AddressTypeEnum },
  destinations: transfer.destinations.map((destination) => ({ ...destination, type: destination.type as AddressTypeEnum })),
  ringMethod: transfer.ringMethod as RingMethodEnum,
  groupcallId: transfer.groupcallId,
  context: transfer.context,
  timeout: transfer.timeoutMs,
  fallbackFlowId: transfer.fallback?.flowId ?? null,
  reason: transfer.reason,
  createdAt: transfer.tmCreate,
  updatedAt: transfer.tmUpdate,
  ringingAt: transfer.tmRinging,
  answeredAt: transfer.tmAnswer,
  endedAt: transfer.tmEnd,
});

/** A transfer's event with the snapshot it carries. */
export function toGraphqlTransferEvent(event: EventRecord): TransferEvent {
  const transfer = transferFromRow(event.payload);
  return {
    type: event.type,
    resourceId: event.resourceId,
    sequence: event.sequence,
    position: event.position,
    occurredAt: new Date(event.tmCreate),
    final: isFinalTransferStatus(transfer.status),
    transfer: toGraphqlTransfer(transfer),
  };
}
