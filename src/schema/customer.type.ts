import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'A tenant of the platform (administrator only).' })
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Boolean)
  isAdmin!: boolean;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class CreatedCustomer {
  @Field(() => Customer)
  customer!: Customer;

  @Field(() => String, { description: "The customer's first access key: shown this once." })
  token!: string;
}

@InputType()
export class CreateCustomerInput {
  @Field(() => String)
  name!: string;
}
