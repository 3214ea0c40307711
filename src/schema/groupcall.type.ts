import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Address } from './address.type';
import { Call } from './call.type';
import { PageInfo } from './call-connection.type';
import { AnswerMethodEnum, GroupcallStatusEnum, RingMethodEnum } from './groupcall.enum';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'One call to several destinations: the first leg to answer wins (docs/groupcalls.md).' })
export class Groupcall {
  @Field(() => ID)
  id!: string;

  @Field(() => GroupcallStatusEnum)
  status!: GroupcallStatusEnum;

  @Field(() => Address)
  source!: Address;

  @Field(() => [Address], { description: 'In dial order; a nested groupcall is type GROUPCALL, its target its id (see groupcalls).' })
  destinations!: Address[];

  @Field(() => RingMethodEnum)
  ringMethod!: RingMethodEnum;

  @Field(() => AnswerMethodEnum)
  answerMethod!: AnswerMethodEnum;

  @Field(() => ID, { nullable: true, description: 'The flow the winning leg runs.' })
  flowId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The leg that answered first (at any level of nesting).' })
  answerCallId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The nested groupcall the answer came through; null when it was a leg of this one.' })
  answerGroupcallId!: string | null;

  @Field(() => [ID], { description: 'The legs dialled so far, in dial order.' })
  callIds!: string[];

  @Field(() => Int, { description: 'Legs not hung up yet.' })
  callCount!: number;

  @Field(() => Int, { description: 'The destination being dialled (LINEAR); 0 for RING_ALL.' })
  dialIndex!: number;

  @Field(() => Int, { description: "Each leg's dial timeout in milliseconds." })
  dialTimeout!: number;

  @Field(() => ID, { nullable: true, description: 'The groupcall this one is nested in.' })
  masterGroupcallId!: string | null;

  @Field(() => ID, { nullable: true, description: "The call whose flow's connect rings this groupcall." })
  masterCallId!: string | null;

  @Field(() => [ID], { description: 'The nested groupcalls dialled so far, in dial order.' })
  groupcallIds!: string[];

  @Field(() => Int, { description: 'Nested groupcalls not ended yet.' })
  groupcallCount!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  hangupAt!: Date | null;
}

@ObjectType()
export class GroupcallEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Groupcall)
  node!: Groupcall;
}

@ObjectType({ description: 'Groupcalls, newest first.' })
export class GroupcallConnection {
  @Field(() => [GroupcallEdge])
  edges!: GroupcallEdge[];

  @Field(() => [Groupcall])
  nodes!: Groupcall[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A change of a groupcall (groupcall_created, groupcall_progressing, groupcall_updated, groupcall_hangup, groupcall_deleted) or of one of its legs (call_*)." })
export class GroupcallEvent {
  @Field(() => String)
  type!: string;

  @Field(() => String, { description: 'groupcall or call.' })
  resourceType!: string;

  @Field(() => ID)
  resourceId!: string;

  @Field(() => Int, { description: "The resource's own sequence number." })
  sequence!: number;

  @Field(() => String, { nullable: true })
  position!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Groupcall, { nullable: true, description: 'For groupcall_* events: the groupcall right after the change.' })
  groupcall!: Groupcall | null;

  @Field(() => Call, { nullable: true, description: 'For call_* events: the leg right after the change.' })
  call!: Call | null;
}
