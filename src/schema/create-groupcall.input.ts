import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from './address.type';
import { AddressTypeEnum } from './call-status.enum';
import { ActionInput } from './create-calls.input';
import { AnswerMethodEnum, RingMethodEnum } from './groupcall.enum';

@InputType({ description: "A nested groupcall: its own destinations and ring method; its master's source, flow and answer method. At most 5 levels, 100 legs in all." })
export class NestedGroupcallInput {
  @Field(() => [GroupcallDestinationInput])
  destinations!: GroupcallDestinationInput[];

  @Field(() => RingMethodEnum, { nullable: true, description: 'Default RING_ALL.' })
  ringMethod?: RingMethodEnum;

  @Field(() => Int, { nullable: true, description: "Each of its legs' dial timeout in milliseconds; default: its master's." })
  dialTimeout?: number;
}

@InputType({ description: 'A destination of a groupcall: an address (type and target), or a nested groupcall (type GROUPCALL and groupcall).' })
export class GroupcallDestinationInput {
  @Field(() => AddressTypeEnum)
  type!: AddressTypeEnum;

  @Field(() => String, { nullable: true, description: "An address's target (see AddressInput); left out for a nested groupcall, whose id is chosen when it is made." })
  target?: string;

  @Field(() => String, { nullable: true })
  targetName?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  detail?: string;

  @Field(() => NestedGroupcallInput, { nullable: true, description: 'With type GROUPCALL: what the nested groupcall dials.' })
  groupcall?: NestedGroupcallInput;
}

@InputType()
export class CreateGroupcallInput {
  @Field(() => AddressInput)
  source!: AddressInput;

  @Field(() => [GroupcallDestinationInput], {
    description: 'The legs: every one at once (RING_ALL) or one after another (LINEAR); a destination of type GROUPCALL is a nested groupcall.',
  })
  destinations!: GroupcallDestinationInput[];

  @Field(() => ID, { nullable: true, description: 'A flow of yours for the winning leg (wins over actions).' })
  flowId?: string;

  @Field(() => [ActionInput], { nullable: true, description: 'Actions for the winning leg, instead of flowId.' })
  actions?: ActionInput[];

  @Field(() => RingMethodEnum, { nullable: true, description: 'Default RING_ALL.' })
  ringMethod?: RingMethodEnum;

  @Field(() => AnswerMethodEnum, { nullable: true, description: 'Default HANGUP_OTHERS.' })
  answerMethod?: AnswerMethodEnum;

  @Field(() => Int, { nullable: true, description: "Each leg's dial timeout in milliseconds; default 30000." })
  dialTimeout?: number;
}
