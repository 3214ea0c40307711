import type { EventRecord } from '../events/event-record';
import { activeflowFromRow } from '../services/activeflow-row';
import { recordingFromRow } from '../services/recording-row';
import type { RecordingService } from '../services/recording-service';
import { presentActiveflow } from './activeflow.presenter';
import { presentCallEvent } from './call-event.presenter';
import { presentRecording } from './recording.presenter';

/**
 * An event's resource in the REST shape, as the topic socket delivers it. A recording's `url` is
 * signed at delivery (on PUBLIC_URL, else a path on the API), so it works for an hour from then.
 */
export function presentEventData(event: EventRecord, recordings: Pick<RecordingService, 'downloadUrl'>): unknown {
  if (event.resourceType === 'call') return presentCallEvent(event, []).data;
  if (event.resourceType === 'recording') {
    const recording = recordingFromRow(event.payload);
    return presentRecording(recording, recordings.downloadUrl(recording));
  }
  if (event.resourceType === 'activeflow') return presentActiveflow(activeflowFromRow(event.payload));
  return event.payload;
}
