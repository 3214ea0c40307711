import type { Transfer as DomainTransfer } from '../domain/transfer';
import { isFinalTransferStatus } from '../domain/transfer';
import type { EventRecord } from '../events/event-record';
import type { RingMethodEnum } from '../schema/groupcall.enum';
import type { TransferStatusEnum, TransferTypeEnum } from '../schema/transfer.enum';
import type { Transfer, TransferEvent } from '../schema/transfer.type';
import { transferFromRow } from '../services/transfer-row';
import { toGraphqlAddress, toGraphqlEventFields } from './event.mapper';

export const toGraphqlTransfer = (transfer: DomainTransfer): Transfer => ({
  id: transfer.id,
  type: transfer.type as TransferTypeEnum,
  status: transfer.status as TransferStatusEnum,
  transfererCallId: transfer.transfererCallId,
  callerCallId: transfer.callerCallId,
  consultCallId: transfer.consultCallId,
  consultCallIds: transfer.consultCallIds,
  destination: toGraphqlAddress(transfer.destination),
  destinations: transfer.destinations.map(toGraphqlAddress),
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
    ...toGraphqlEventFields(event),
    final: isFinalTransferStatus(transfer.status),
    transfer: toGraphqlTransfer(transfer),
  };
}
