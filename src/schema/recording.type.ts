import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RecordingChannelsEnum, RecordingDirectionEnum, RecordingFormatEnum, RecordingStatusEnum } from './recording-options.enum';
import { DateTimeScalar } from './scalars';

@ObjectType({ description: 'A recording of a call.' })
export class Recording {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The recorded call.' })
  callId!: string;

  @Field(() => RecordingStatusEnum)
  status!: RecordingStatusEnum;

  @Field(() => RecordingFormatEnum)
  format!: RecordingFormatEnum;

  @Field(() => RecordingDirectionEnum)
  direction!: RecordingDirectionEnum;

  @Field(() => RecordingChannelsEnum)
  channels!: RecordingChannelsEnum;

  @Field(() => Int, { description: 'Seconds of silence that end it; 0: none.' })
  endOfSilence!: number;

  @Field(() => String, { description: 'DTMF keys that end it; empty: none.' })
  endOfKey!: string;

  @Field(() => Int, { description: 'Longest it may run, in seconds; 0: until stopped or hangup.' })
  duration!: number;

  @Field(() => String, {
    nullable: true,
    description: 'A signed download URL (`/v1.0/recordingfiles/{id}/download?…`, on PUBLIC_URL when the server has one, else a path on this API), valid for an hour; null until the file is stored.',
  })
  downloadUrl!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
