import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Address, AddressInput } from './address.type';
import { ActionInput } from './create-calls.input';
import { DateTimeScalar } from './scalars';

export enum ProviderCallAnonymousEnum {
  YES = 'yes',
  NO = 'no',
  AUTO = 'auto',
}
registerEnumType(ProviderCallAnonymousEnum, { name: 'ProviderCallAnonymous', description: 'The anonymous caller-id option asked for: kept on the record; caller-id privacy is not implemented.' });

@ObjectType({ description: "The administrator's test call through one provider, bypassing route selection: the request and the calls it made." })
export class ProviderCall {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: "The administrator's customer, who made it." })
  customerId!: string;

  @Field(() => ID)
  providerId!: string;

  @Field(() => ID, { nullable: true, description: 'The flow run on answer (a saved one, or the temporary flow of the actions); null for none.' })
  flowId!: string | null;

  @Field(() => Address)
  source!: Address;

  @Field(() => [Address])
  destinations!: Address[];

  @Field(() => ProviderCallAnonymousEnum)
  anonymous!: ProviderCallAnonymousEnum;

  @Field(() => [ID], { description: 'The calls made, one per destination.' })
  callIds!: string[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType({ description: 'A test call through one provider: one call per destination (phone numbers only), dialled through it alone, from the source as given.' })
export class ProviderCallInput {
  @Field(() => ID)
  providerId!: string;

  @Field(() => AddressInput)
  source!: AddressInput;

  @Field(() => [AddressInput])
  destinations!: AddressInput[];

  @Field(() => ID, { nullable: true, description: 'A flow of yours to run on answer.' })
  flowId?: string;

  @Field(() => [ActionInput], { nullable: true, description: 'Actions to run on answer, instead of flowId.' })
  actions?: ActionInput[];

  @Field(() => ProviderCallAnonymousEnum, { nullable: true, description: 'Default AUTO.' })
  anonymous?: ProviderCallAnonymousEnum;
}
