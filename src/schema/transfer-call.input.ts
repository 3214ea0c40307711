import { Field, ID, InputType, Int } from 'type-graphql';
import { AddressInput } from './address.type';
import { ActionInput } from './create-calls.input';
import { RingMethodEnum } from './groupcall.enum';
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

  @Field(() => AddressInput, { nullable: true, description: 'The transferee (or destinations).' })
  destination?: AddressInput;

  @Field(() => [AddressInput], { nullable: true, description: 'Instead of destination: one or more transferees (at most 100); several ring as a groupcall, the first to answer is the transferee.' })
  destinations?: AddressInput[];

  @Field(() => RingMethodEnum, { nullable: true, description: 'Several destinations: RING_ALL (default) or LINEAR (one at a time, each for timeout ms).' })
  ringMethod?: RingMethodEnum;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'Passed on with every event; at most 16 KB of JSON.' })
  context?: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: "The transferee's dial timeout in milliseconds (1000 to 600000); default 30000." })
  timeout?: number;

  @Field(() => TransferFallbackInput, { nullable: true, description: 'Blind transfers: what the caller goes on with when the transferee is busy, does not answer or fails.' })
  fallback?: TransferFallbackInput;
}
