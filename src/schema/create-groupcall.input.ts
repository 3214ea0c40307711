import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from './address.type';
import { ActionInput } from './create-calls.input';
import { AnswerMethodEnum, RingMethodEnum } from './groupcall.enum';

@InputType()
export class CreateGroupcallInput {
  @Field(() => AddressInput)
  source!: AddressInput;

  @Field(() => [AddressInput], { description: 'The legs: every one at once (RING_ALL) or one after another (LINEAR).' })
  destinations!: AddressInput[];

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
