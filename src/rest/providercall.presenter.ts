import type { ProviderCall } from '../services/provider-call-service';
import { ZERO_UUID } from '../services/ids';
import { presentAddress } from './call.presenter';
import { formatTime } from './voipbin-time';

/** A provider call in VoIPBIN's RouteManagerProviderCall shape; groupcall_ids is always [] (tel destinations only). */
export const presentProviderCall = (call: ProviderCall) => ({
  id: call.id,
  customer_id: call.customerId,
  provider_id: call.providerId,
  flow_id: call.flowId ?? ZERO_UUID,
  source: presentAddress(call.source),
  destinations: call.destinations.map(presentAddress),
  anonymous: call.anonymous,
  call_ids: call.callIds,
  groupcall_ids: [] as string[],
  tm_create: formatTime(call.tmCreate),
  tm_update: formatTime(call.tmUpdate),
  tm_delete: formatTime(call.tmDelete),
});
