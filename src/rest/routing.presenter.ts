import type { Provider, Route } from '../services/routing-service';
import { ZERO_UUID } from '../services/ids';
import { formatTime } from './voipbin-time';

/**
 * A provider in VoIPBIN's RouteManagerProvider shape, with the `endpoint` template it dials
 * (ours). No health probes or carrier set-up here: health_status is always "unknown", metadata {}.
 */
export const presentProvider = (provider: Provider) => ({
  id: provider.id,
  type: provider.type,
  hostname: provider.hostname,
  tech_prefix: provider.techPrefix,
  tech_postfix: provider.techPostfix,
  tech_headers: provider.techHeaders,
  endpoint: provider.endpoint,
  metadata: {},
  name: provider.name,
  detail: provider.detail,
  codecs: provider.codecs,
  health_status: 'unknown',
  health_checked_at: formatTime(null),
  tm_create: formatTime(provider.tmCreate),
  tm_update: formatTime(provider.tmUpdate),
  tm_delete: formatTime(provider.tmDelete),
});

/** A route in VoIPBIN's RouteManagerRoute shape; a default route's customer_id is the all-zero UUID. */
export const presentRoute = (route: Route) => ({
  id: route.id,
  customer_id: route.customerId ?? ZERO_UUID,
  name: route.name,
  detail: route.detail,
  provider_id: route.providerId,
  priority: route.priority,
  target: route.target,
  tm_create: formatTime(route.tmCreate),
  tm_update: formatTime(route.tmUpdate),
  tm_delete: formatTime(route.tmDelete),
});
