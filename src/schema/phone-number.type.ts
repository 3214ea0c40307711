import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PageInfo } from './call-connection.type';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'One of your phone numbers: incoming calls to it run its flow; outgoing tel calls come from one.' })
export class PhoneNumber {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'E.164.' })
  number!: string;

  @Field(() => ID, { nullable: true, description: 'The flow incoming calls run; null: incoming calls are rejected.' })
  callFlowId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => String, { description: 'active (or deleted).' })
  status!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: 'Phone numbers, newest first.' })
export class PhoneNumberConnection {
  @Field(() => [PhoneNumber])
  nodes!: PhoneNumber[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType()
export class CreatePhoneNumberInput {
  @Field(() => String, { description: 'E.164; held by one customer at a time.' })
  number!: string;

  @Field(() => ID, { nullable: true })
  callFlowId?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  detail?: string;
}

@InputType({ description: 'The fields given are changed; the others stay as they are. null callFlowId: no flow.' })
export class UpdatePhoneNumberInput {
  @Field(() => ID, { nullable: true })
  callFlowId?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  detail?: string;
}
