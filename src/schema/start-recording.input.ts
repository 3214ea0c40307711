import { Field, InputType, Int } from 'type-graphql';
import { RecordingChannelsEnum, RecordingDirectionEnum, RecordingFormatEnum } from './recording-options.enum';

@InputType({ description: 'How to record; the same options as the recording_start flow action.' })
export class StartRecordingInput {
  @Field(() => RecordingFormatEnum, { nullable: true, description: 'Default WAV.' })
  format?: RecordingFormatEnum;

  @Field(() => RecordingDirectionEnum, { nullable: true, description: 'Default BOTH.' })
  direction?: RecordingDirectionEnum;

  @Field(() => RecordingChannelsEnum, { nullable: true, description: 'Default MIXED.' })
  channels?: RecordingChannelsEnum;

  @Field(() => Int, { nullable: true, description: 'Seconds of silence that end it (0–3600).' })
  endOfSilence?: number;

  @Field(() => String, { nullable: true, description: 'DTMF keys that end it (0-9, A-D, *, #).' })
  endOfKey?: string;

  @Field(() => Int, { nullable: true, description: 'Longest it may run, in seconds (0–86400).' })
  duration?: number;
}
