import { Field, ObjectType } from 'type-graphql';
import { Call } from './call.type';

@ObjectType()
export class CallEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Call)
  node!: Call;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'Calls, newest first.' })
export class CallConnection {
  @Field(() => [CallEdge])
  edges!: CallEdge[];

  @Field(() => [Call])
  nodes!: Call[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
