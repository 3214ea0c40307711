import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Address } from './address.type';
import { PageInfo } from './call-connection.type';
import { RingMethodEnum } from './groupcall.enum';
import { DateTimeScalar, JSONObjectScalar } from './scalars';
import { TransferStatusEnum, TransferTypeEnum } from './transfer.enum';

@ObjectType({ description: 'A caller handed over from its transferer to a transferee, blind or attended (docs/transfers.md).' })
export class Transfer {
  @Field(() => ID)
  id!: string;

  @Field(() => TransferTypeEnum, { description: 'An attended transfer completed before the answer becomes BLIND.' })
  type!: TransferTypeEnum;

  @Field(() => TransferStatusEnum)
  status!: TransferStatusEnum;

  @Field(() => ID, { description: 'The call that asked for the transfer (the agent leg).' })
  transfererCallId!: string;

  @Field(() => ID, { description: 'The call being handed over: the transferer is chained to it.' })
  callerCallId!: string;

  @Field(() => ID, { nullable: true, description: "The transferee's call: the one consult call, or with several destinations the leg that answered first (null until then)." })
  consultCallId!: string | null;

  @Field(() => [ID], { description: 'Every call to a transferee, chained to the caller: the one consult call, or the groupcall legs in destination order.' })
  consultCallIds!: string[];

  @Field(() => Address, { description: 'Who the transferee is (the first of destinations).' })
  destination!: Address;

  @Field(() => [Address], { description: 'Every transferee asked for; several ring as the groupcall `groupcall`.' })
  destinations!: Address[];

  @Field(() => RingMethodEnum, { description: 'How several transferees ring: all at once, or one at a time.' })
  ringMethod!: RingMethodEnum;

  @Field(() => ID, { nullable: true, description: 'The groupcall several transferees ring as; null for one.' })
  groupcallId!: string | null;

  @Field(() => JSONObjectScalar, { description: 'What the transferer passed on (at most 16 KB of JSON), carried by every event.' })
  context!: Record<string, unknown>;

  @Field(() => Int, { description: "The transferee's dial timeout in milliseconds." })
  timeout!: number;

  @Field(() => ID, { nullable: true, description: 'The flow the caller goes on with when a blind transfer fails (a temporary one for fallback actions).' })
  fallbackFlowId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended as it did (busy, no_answer, failed, transferee_hangup, cancelled, caller_hangup); null while in progress.' })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the transferee started ringing.' })
  ringingAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the transferee answered.' })
  answeredAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it reached COMPLETED, CANCELLED or FAILED.' })
  endedAt!: Date | null;
}

@ObjectType()
export class TransferEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Transfer)
  node!: Transfer;
}

@ObjectType({ description: 'Transfers, newest first.' })
export class TransferConnection {
  @Field(() => [TransferEdge])
  edges!: TransferEdge[];

  @Field(() => [Transfer])
  nodes!: Transfer[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({
  description: 'A change of a transfer: transfer_created, transfer_ringing, transfer_answered, then exactly one of transfer_completed, transfer_cancelled, transfer_failed.',
})
export class TransferEvent {
  @Field(() => String)
  type!: string;

  @Field(() => ID)
  resourceId!: string;

  @Field(() => Int, { description: "The transfer's own sequence number: 1 for transfer_created, then +1 per change." })
  sequence!: number;

  @Field(() => String, { nullable: true, description: 'Your stream position (see callEvents); null only for a replayed event not yet published.' })
  position!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Boolean, { description: 'Whether this is the final event (the stream completes after it).' })
  final!: boolean;

  @Field(() => Transfer, { description: 'The transfer right after the change; transfer_completed carries the context and the caller and transferee calls.' })
  transfer!: Transfer;
}
