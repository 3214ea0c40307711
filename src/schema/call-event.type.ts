import { Field, ID, Int, ObjectType } from 'type-graphql';
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

  @Field(() => String, { description: 'The resource the event is about: call or activeflow.' })
  resourceType!: string;

  @Field(() => ID, { description: 'The id of that resource (the call, or the activeflow).' })
  resourceId!: string;

  @Field(() => Int, { description: "The resource's own sequence number: 1 for call_created (activeflow_created), then +1 per change of that resource." })
  sequence!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Your stream position: increasing across all your events in the order they were published (with gaps). Pass the last one received as callEvents(after:) to resume. Null only for a replayed event not yet published.',
  })
  position!: string | null;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => Call, { description: 'The call as it was right after the change (for an activeflow event: the call the flow runs on, as it was at that change).' })
  call!: Call;

  @Field(() => Activeflow, { nullable: true, description: 'For activeflow_* events: the activeflow right after the change.' })
  activeflow?: Activeflow | null;
}
