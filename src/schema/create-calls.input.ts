import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from './address.type';
import { JSONObjectScalar } from './scalars';

@InputType({ description: 'A flow action: what the call does once answered (talk, play, connect …).' })
export class ActionInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => String)
  type!: string;

  @Field(() => JSONObjectScalar, { nullable: true })
  option?: Record<string, unknown>;
}

@InputType()
export class CreateCallsInput {
  @Field(() => AddressInput)
  source!: AddressInput;

  @Field(() => [AddressInput], { description: 'One call is made per destination.' })
  destinations!: AddressInput[];

  @Field(() => ID, { nullable: true, description: 'A flow of yours to run on answer.' })
  flowId?: string;

  @Field(() => [ActionInput], { nullable: true, description: 'Actions to run on answer, instead of flowId.' })
  actions?: ActionInput[];

  @Field(() => Boolean, { nullable: true, description: 'Run the actions before the call is answered.' })
  earlyExecution?: boolean;

  @Field(() => Int, { nullable: true, description: 'Milliseconds to ring before giving up (reason DIALOUT); default 30000.' })
  dialTimeout?: number;

  @Field(() => ID, { nullable: true, description: 'Chain the new calls to this master call.' })
  masterCallId?: string;
}
