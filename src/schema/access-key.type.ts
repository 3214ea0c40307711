import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'One of your access keys (its token is shown only when it is created).' })
export class AccessKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it stops (or stopped) working; null: never.' })
  expiresAt!: Date | null;
}

@ObjectType()
export class CreatedAccessKey {
  @Field(() => AccessKey)
  accessKey!: AccessKey;

  @Field(() => String, { description: 'The secret: shown this once, stored only as a hash.' })
  token!: string;
}

@InputType()
export class CreateAccessKeyInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => Int, { nullable: true, description: 'Seconds until it stops working; none: until expired or deleted.' })
  expiresInSeconds?: number;
}
