import { Field, InputType } from 'type-graphql';
import { WebhookStatusEnum } from './webhook-status.enum';

@InputType()
export class CreateWebhookInput {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [String], { nullable: true, description: 'Event types; none, [] or ["*"]: every event.' })
  events?: string[];

  @Field(() => WebhookStatusEnum, { nullable: true, description: 'ACTIVE unless given.' })
  status?: WebhookStatusEnum;

  @Field(() => String, { nullable: true, description: 'The signing key; none: one is generated.' })
  secret?: string;
}

@InputType({ description: 'The fields to change; the others stay.' })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true })
  url?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => [String], { nullable: true })
  events?: string[];

  @Field(() => WebhookStatusEnum, { nullable: true })
  status?: WebhookStatusEnum;

  @Field(() => String, { nullable: true })
  secret?: string;
}
