import { Field, InputType, ObjectType } from 'type-graphql';
import { AddressTypeEnum } from './call-status.enum';

@ObjectType({ description: 'A party of a call: a phone number (E.164), a SIP address, an endpoint or an extension.' })
export class Address {
  @Field(() => AddressTypeEnum)
  type!: AddressTypeEnum;

  @Field(() => String)
  target!: string;

  @Field(() => String)
  targetName!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  detail!: string;
}

@InputType()
export class AddressInput {
  @Field(() => AddressTypeEnum)
  type!: AddressTypeEnum;

  @Field(() => String, { description: 'tel: + then 7–15 digits; sip: user@host; endpoint/extension: letters and digits.' })
  target!: string;

  @Field(() => String, { nullable: true })
  targetName?: string;

  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  detail?: string;
}
