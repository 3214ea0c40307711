import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'One event sent (or being sent) to one webhook.' })
export class WebhookDelivery {
  @Field(() => ID, { description: 'Also the X-VoIPBIN-Delivery-Id header: the same on every attempt.' })
  id!: string;

  @Field(() => ID)
  webhookId!: string;

  @Field(() => ID, { description: "The event's position in the outbox (pages on with beforeEventId)." })
  eventId!: string;

  @Field(() => String)
  eventType!: string;

  @Field(() => String)
  resourceType!: string;

  @Field(() => ID)
  resourceId!: string;

  @Field(() => Int, { description: "The event's per-resource sequence number." })
  sequence!: number;

  @Field(() => String, { description: 'pending, delivered, failed or canceled.' })
  status!: string;

  @Field(() => Int, { nullable: true, description: "The last attempt's HTTP status; null when none answered." })
  httpCode!: number | null;

  @Field(() => Int)
  attempts!: number;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => String, { description: 'Why the last attempt did not deliver; empty when it did.' })
  error!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}
