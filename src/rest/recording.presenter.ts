import type { Recording } from '../domain/recording';
import { formatTime } from './voipbin-time';

/** A recording in VoIPBIN's JSON shape; `url` is a fresh signed URL once the file is stored, else ''. */
export interface RestRecording {
  id: string;
  customer_id: string;
  reference_type: string;
  reference_id: string;
  status: string;
  format: string;
  direction: string;
  channels: string;
  end_of_silence: number;
  end_of_key: string;
  duration: number;
  filename: string;
  url: string;
  tm_start: string;
  tm_end: string;
  tm_create: string;
  tm_update: string;
  tm_delete: string;
}

export function presentRecording(recording: Recording, url: string | null): RestRecording {
  return {
    id: recording.id,
    customer_id: recording.customerId,
    reference_type: recording.referenceType,
    reference_id: recording.referenceId,
    status: recording.status,
    format: recording.format,
    direction: recording.direction,
    channels: recording.channels,
    end_of_silence: recording.endOfSilence,
    end_of_key: recording.endOfKey,
    duration: recording.duration,
    filename: recording.fileName ? `${recording.id}.${recording.format}` : '',
    url: url ?? '',
    tm_start: formatTime(recording.tmStart),
    tm_end: formatTime(recording.tmEnd),
    tm_create: formatTime(recording.tmCreate),
    tm_update: formatTime(recording.tmUpdate),
    tm_delete: formatTime(recording.tmDelete),
  };
}
