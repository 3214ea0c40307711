import { Field, Int, ObjectType } from 'type-graphql';
import { Activeflow } from './activeflow.type';
import { Call } from './call.type';
import { DateTimeScalar } from './scalars';

@ObjectType({
  description:
    'A change of a call (call_created, call_ringing, call_answered, call_updated, call_hungup, call_deleted) or of its flow execution (activeflow_created, activeflow_updated).',
})
export class CallEvent {
  @Field(() => String)
  type!: string;

  @Field(() => Int, { description: 'Per-resource sequence number: 1 for call_created (activeflow_created), then +1 per change.' })
  sequence!: number;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Call, { description: 'The call as it was right after the change (for an activeflow event: the call the flow runs on, as it was at that change).' })
  call!: Call;

  @Field(() => Activeflow, { nullable: true, description: 'For activeflow_* events: the activeflow right after the change.' })
  activeflow?: Activeflow | null;
}
