import { Field, ID, ObjectType } from 'type-graphql';
import { PageInfo } from './call-connection.type';
import { DateTimeScalar, JSONObjectScalar } from './scalars';

@ObjectType({ description: 'One step of a flow, as written (type may be an alias such as dtmf_send).' })
export class FlowAction {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  type!: string;

  @Field(() => JSONObjectScalar, { description: "The action's options, in VoIPBIN's snake_case." })
  option!: Record<string, unknown>;
}

@ObjectType({ description: 'A flow: the actions a call runs (on answer, or for incoming calls to a number).' })
export class Flow {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "flow (saved) or temporary (a call's inline actions)." })
  type!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  detail!: string;

  @Field(() => [FlowAction])
  actions!: FlowAction[];

  @Field(() => ID, { nullable: true, description: 'The flow to run when this one completes.' })
  onCompleteFlowId!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ description: 'Flows, newest first.' })
export class FlowConnection {
  @Field(() => [Flow])
  nodes!: Flow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
