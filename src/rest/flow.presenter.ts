import type { Flow } from '../services/flow-service';
import { ZERO_UUID } from '../services/ids';
import { formatTime } from './voipbin-time';

/** A flow in VoIPBIN's JSON shape. */
export const presentFlow = (flow: Flow) => ({
  id: flow.id,
  customer_id: flow.customerId,
  type: flow.type,
  name: flow.name,
  detail: flow.detail,
  actions: flow.actions,
  on_complete_flow_id: flow.onCompleteFlowId ?? ZERO_UUID,
  tm_create: formatTime(flow.tmCreate),
  tm_update: formatTime(flow.tmUpdate),
  tm_delete: formatTime(flow.tmDelete),
});
