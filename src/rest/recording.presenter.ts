import type { Recording } from '../domain/recording';
import { ZERO_UUID } from '../services/ids';
import { formatTime } from './voipbin-time';

/** A recording in VoIPBIN's JSON shape; `url` is a fresh signed URL once the file is stored, else ''. */
export interface RestRecording {
  id: string;
  customer_id: string;
  owner_type: string;
  owner_id: string;
  reference_type: string;
  reference_id: string;
  activeflow_id: string;
  on_end_flow_id: string;
  status: string;
  format: string;
  direction: string;
  channels: string;
  end_of_silence: number;
  end_of_key: string;
  /** The longest it may run (the request's `duration`), in seconds; 0: until stopped. */
  max_duration: number;
  /** Its real length in seconds: the stored file's, else tm_start to tm_end; 0 while it runs. */
  duration: number;
  filename: string;
  url: string;
  tm_start: string;
  tm_end: string;
  tm_create: string;
  tm_update: string;
  tm_delete: string;
}

function lengthSeconds(recording: Recording): number {
  if (recording.fileDurationMs !== null) return recording.fileDurationMs / 1000;
  if (recording.tmStart && recording.tmEnd) return Math.max(0, recording.tmEnd.getTime() - recording.tmStart.getTime()) / 1000;
  return 0;
}

export function presentRecording(recording: Recording, url: string | null): RestRecording {
  return {
    id: recording.id,
    customer_id: recording.customerId,
    owner_type: recording.referenceType,
    owner_id: recording.referenceId,
    reference_type: recording.referenceType,
    reference_id: recording.referenceId,
    activeflow_id: recording.activeflowId ?? ZERO_UUID,
    on_end_flow_id: ZERO_UUID,
    status: recording.status,
    format: recording.format,
    direction: recording.direction,
    channels: recording.channels,
    end_of_silence: recording.endOfSilence,
    end_of_key: recording.endOfKey,
    max_duration: recording.duration,
    duration: lengthSeconds(recording),
    filename: recording.fileName ? `${recording.id}.${recording.format}` : '',
    url: url ?? '',
    tm_start: formatTime(recording.tmStart),
    tm_end: formatTime(recording.tmEnd),
    tm_create: formatTime(recording.tmCreate),
    tm_update: formatTime(recording.tmUpdate),
    tm_delete: formatTime(recording.tmDelete),
  };
}
