import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ActiveflowAction } from './activeflow-action.type';
import { ActiveflowStatusEnum } from './activeflow-status.enum';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'One execution of a flow on a call.' })
export class Activeflow {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  flowId!: string;

  @Field(() => ActiveflowStatusEnum)
  status!: ActiveflowStatusEnum;

  @Field(() => ID, { description: 'The call the flow runs on.' })
  callId!: string;

  @Field(() => ActiveflowAction, { nullable: true, description: 'The action being executed (after the end: the last one).' })
  currentAction!: ActiveflowAction | null;

  @Field(() => [ActiveflowAction], { description: 'The actions executed so far, oldest first (the most recent 500).' })
  executedActions!: ActiveflowAction[];

  @Field(() => JSONObjectScalar, { description: 'The variables (voipbin.call.digits, voipbin.call.*, variable_set …).' })
  variables!: Record<string, unknown>;

  @Field(() => Int, { description: 'Per-activeflow sequence of its last event.' })
  sequence!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt!: Date | null;
}
