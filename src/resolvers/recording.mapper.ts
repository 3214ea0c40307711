import type { Recording as DomainRecording } from '../domain/recording';
import type { RecordingChannelsEnum, RecordingDirectionEnum, RecordingFormatEnum, RecordingStatusEnum } from '../schema/recording-options.enum';
import type { Recording } from '../schema/recording.type';
import type { StartRecordingInput } from '../schema/start-recording.input';

export const toGraphqlRecording = (recording: DomainRecording, downloadUrl: string | null): Recording => ({
  id: recording.id,
  callId: recording.referenceId,
  status: recording.status as RecordingStatusEnum,
  format: recording.format as RecordingFormatEnum,
  direction: recording.direction as RecordingDirectionEnum,
  channels: recording.channels as RecordingChannelsEnum,
  endOfSilence: recording.endOfSilence,
  endOfKey: recording.endOfKey,
  duration: recording.duration,
  downloadUrl,
  startedAt: recording.tmStart,
  endedAt: recording.tmEnd,
  createdAt: recording.tmCreate,
  updatedAt: recording.tmUpdate,
});

/** The input in the API's option names, so the service validates both surfaces alike. */
export const startOptionsOf = (input: StartRecordingInput | undefined): Record<string, unknown> => ({
  format: input?.format,
  direction: input?.direction,
  channels: input?.channels,
  end_of_silence: input?.endOfSilence,
  end_of_key: input?.endOfKey,
  duration: input?.duration,
});
