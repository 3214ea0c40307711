import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'A flow action as an activeflow executes it: options after ${variable} substitution, and its error if it failed.' })
export class ActiveflowAction {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The action type as written (talk, digits_receive, dtmf_send …).' })
  type!: string;

  @Field(() => JSONObjectScalar)
  option!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Why the action failed; the flow moved on.' })
  error!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it started (set for the current action).' })
  executedAt!: Date | null;
}
