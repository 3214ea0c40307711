import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from './address.type';
import { ActionInput } from './create-calls.input';
import { JSONObjectScalar } from './scalars';
import { TransferTypeEnum } from './transfer.enum';

@InputType({ description: 'What the caller goes on with when a blind transfer does not reach the transferee: a flow of yours, or actions.' })
export class TransferFallbackInput {
  @Field(() => ID, { nullable: true })
  flowId?: string;

  @Field(() => [ActionInput], { nullable: true })
  actions?: ActionInput[];
}

@InputType()
export class TransferCallInput {
  @Field(() => TransferTypeEnum)
  type!: TransferTypeEnum;

  @Field(() => AddressInput, { nullable: true, description: 'The transferee (or destinations, a list of one).' })
  destination?: AddressInput;

  @Field(() => [AddressInput], { nullable: true })
  destinations?: AddressInput[];

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Passed on with every event; at most 16 KB of JSON.' })
  context?: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: "The transferee's dial timeout in milliseconds (1000 to 600000); default 30000." })
  timeout?: number;

  @Field(() => TransferFallbackInput, { nullable: true, description: 'Blind transfers: what the caller goes on with when the transferee is busy, does not answer or fails.' })
  fallback?: TransferFallbackInput;
}
