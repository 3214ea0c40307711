import type { EventRecord } from '../events/event-record';
import { activeflowFromRow } from '../services/activeflow-row';
import { recordingFromRow } from '../services/recording-row';
import type { RecordingService } from '../services/recording-service';
import { presentActiveflow } from './activeflow.presenter';
import { presentCallSnapshot } from './call.presenter';
import { presentGroupcallSnapshot } from './groupcall.presenter';
import { presentRecording } from './recording.presenter';
import { presentTransferSnapshot } from './transfer.presenter';

/**
 * An event's snapshot in the REST shape, as the topic socket and webhooks deliver it. A recording's `url` is
 * signed at delivery (on PUBLIC_URL, else a path on the API), so it works for an hour from then.
 */
export function presentEventData(event: Pick<EventRecord, 'resourceType' | 'payload'>, recordings: Pick<RecordingService, 'downloadUrl'>): unknown {
  if (event.resourceType === 'call') return presentCallSnapshot(event.payload);
  if (event.resourceType === 'recording') {
    const recording = recordingFromRow(event.payload);
    return presentRecording(recording, recordings.downloadUrl(recording));
  }
  if (event.resourceType === 'activeflow') return presentActiveflow(activeflowFromRow(event.payload));
  if (event.resourceType === 'groupcall') return presentGroupcallSnapshot(event.payload);
  if (event.resourceType === 'transfer') return presentTransferSnapshot(event.payload);
  return event.payload;
}
