import { Field, Int, ObjectType } from 'type-graphql';
import { Call } from './call.type';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'A change of a call: call_created, call_ringing, call_answered, call_updated, call_hungup, call_deleted.' })
export class CallEvent {
  @Field(() => String)
  type!: string;

  @Field(() => Int, { description: 'Per-call sequence number: 1 for call_created, then +1 per change.' })
  sequence!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Call, { description: 'The call as it was right after the change.' })
  call!: Call;
}
