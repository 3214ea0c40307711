import { presentActiveflow } from '../../rest/activeflow.presenter';
import { presentCall } from '../../rest/call.presenter';
import { presentRecording } from '../../rest/recording.presenter';
import { activeflowFromRow } from '../../services/activeflow-row';
import type { CallRepository } from '../../services/call-repository';
import { callFromRow } from '../../services/call-row';
import { recordingFromRow } from '../../services/recording-row';
import type { RecordingService } from '../../services/recording-service';

/** The stored event a webhook body is made from. */
export interface WebhookSource {
  customerId: string;
  resourceType: string;
  resourceId: string;
  payload: Record<string, unknown>;
}

type DataMapper = (source: WebhookSource) => Promise<unknown>;

/**
 * A webhook's `data` per resource type, in the REST shape. The REST presenter is pure mapping, so
 * the delivery worker uses it as it is (workers may import it; the presenter imports no surface
 * machinery). A resource type without a mapper sends its stored payload (the row as to_jsonb wrote it):
 * new resources add one line here.
 */
export function createWebhookData(deps: { calls: Pick<CallRepository, 'findChained'>; recordings: Pick<RecordingService, 'downloadUrl'> }) {
  const mappers: Record<string, DataMapper> = {
    call: async (source) => {
      const chained = await deps.calls.findChained([source.resourceId], source.customerId);
      return presentCall(callFromRow(source.payload), chained.map((call) => call.id));
    },
    // The download URL is signed when the body is first made, so it works for an hour from then.
    recording: async (source) => {
      const recording = recordingFromRow(source.payload);
      return presentRecording(recording, deps.recordings.downloadUrl(recording));
    },
    activeflow: async (source) => presentActiveflow(activeflowFromRow(source.payload)),
  };
  return (source: WebhookSource): Promise<unknown> => (mappers[source.resourceType] ?? (async () => source.payload))(source);
}

export type WebhookData = ReturnType<typeof createWebhookData>;
