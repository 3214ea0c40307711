import { Field, ID, InputType } from 'type-graphql';
import { ActionInput } from './create-calls.input';

@InputType()
export class CreateFlowInput {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  detail?: string;

  @Field(() => [ActionInput], { nullable: true, description: 'Checked now: unknown types, bad options and targets naming no action are refused.' })
  actions?: ActionInput[];

  @Field(() => ID, { nullable: true, description: 'Another flow of yours to run when this one completes.' })
  onCompleteFlowId?: string;
}

@InputType({ description: 'The fields given are changed; the others stay as they are.' })
export class UpdateFlowInput extends CreateFlowInput {}
