import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';
import { WebhookStatusEnum } from './webhook-status.enum';

@ObjectType({ description: 'An endpoint of yours that events are POSTed to, signed with its secret.' })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [String], { description: 'The event types it takes; ["*"]: every event.' })
  events!: string[];

  @Field(() => WebhookStatusEnum)
  status!: WebhookStatusEnum;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType()
export class CreatedWebhook {
  @Field(() => Webhook)
  webhook!: Webhook;

  @Field(() => String, { description: 'The HMAC-SHA256 key of the signature headers: shown this once.' })
  secret!: string;
}
