import { registerEnumType } from 'type-graphql';

export enum TransferTypeEnum {
  BLIND = 'blind',
  ATTENDED = 'attended',
}

export enum TransferStatusEnum {
  DIALING = 'dialing',
  RINGING = 'ringing',
  CONSULTING = 'consulting',
  COMPLETED = 'completed',
  CANCELLED = 'cancelled',
  FAILED = 'failed',
}

registerEnumType(TransferTypeEnum, {
  name: 'TransferType',
  description: 'BLIND: the transferer leaves at once and the caller hears ringing; ATTENDED: the caller is held while the transferer consults the transferee.',
});
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: 'Moves forward only: DIALING → RINGING → CONSULTING (attended) → COMPLETED | CANCELLED | FAILED (docs/transfers.md).',
});
