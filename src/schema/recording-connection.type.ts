import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from './call-connection.type';
import { Recording } from './recording.type';

@ObjectType()
export class RecordingEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Recording)
  node!: Recording;
}

@ObjectType({ description: 'Recordings, newest first.' })
export class RecordingConnection {
  @Field(() => [RecordingEdge])
  edges!: RecordingEdge[];

  @Field(() => [Recording])
  nodes!: Recording[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
