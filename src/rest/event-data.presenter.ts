import type { EventRecord } from '../events/event-record';
import { activeflowFromRow } from '../services/activeflow-row';
import { recordingFromRow } from '../services/recording-row';
import type { RecordingService } from '../services/recording-service';
import { presentActiveflow } from './activeflow.presenter';
import { callFromRow, chainedIdsOfSnapshot } from '../services/call-row';
import { presentCall } from './call.presenter';
import { groupcallFromRow } from '../services/groupcall-row';
import { presentGroupcall } from './groupcall.presenter';
import { presentRecording } from './recording.presenter';
import { presentTransfer } from './transfer.presenter';
import { transferFromRow } from '../services/transfer-row';

/**
 * An event's snapshot in the REST shape, as the topic socket and webhooks deliver it. A recording's `url` is
 * signed at delivery (on PUBLIC_URL, else a path on the API), so it works for an hour from then.
 */
export function presentEventData(event: Pick<EventRecord, 'resourceType' | 'payload'>, recordings: Pick<RecordingService, 'downloadUrl'>): unknown {
  if (event.resourceType === 'call') return presentCall(callFromRow(event.payload), chainedIdsOfSnapshot(event.payload));
  if (event.resourceType === 'recording') {
    const recording = recordingFromRow(event.payload);
    return presentRecording(recording, recordings.downloadUrl(recording));
  }
  if (event.resourceType === 'activeflow') return presentActiveflow(activeflowFromRow(event.payload));
  if (event.resourceType === 'groupcall') return presentGroupcall(groupcallFromRow(event.payload));
  if (event.resourceType === 'transfer') return presentTransfer(transferFromRow(event.payload));
  return event.payload;
}
