import type { Address, AddressType } from '../domain/address';
import type { Call } from '../domain/call';
import { mediaFormatsOf } from '../domain/codecs';
import { fillEndpoint } from '../domain/routing';
import type { OriginateRequest } from './media-server';

export type EndpointTemplates = Readonly<Record<AddressType, string>>;

/**
 * The media server's endpoint for a destination, from the per-type template of the settings
 * (`PJSIP/{target}@carrier`, `Local/{target}@sandbox` …).
 */
export const endpointFor = (address: Pick<Address, 'type' | 'target'>, templates: EndpointTemplates): string =>
  templates[address.type].split('{target}').join(address.target);

export type AttemptDial = Pick<OriginateRequest, 'endpoint' | 'sipHeaders' | 'formats'>;

/**
 * Where a call's current attempt dials: its route plan's provider for that attempt (route
 * failover, docs/routing.md) with that provider's SIP headers and codecs, else the per-type
 * template (ARI_ENDPOINT_TEL is the single default provider, with neither).
 */
export function dialOfAttempt(call: Pick<Call, 'destination' | 'routePlan' | 'attempts'>, templates: EndpointTemplates): AttemptDial {
  const provider = call.routePlan[Math.max(call.attempts.length - 1, 0)];
  if (!provider) return { endpoint: endpointFor(call.destination, templates) };
  const formats = mediaFormatsOf(provider.codecs);
  return {
    endpoint: fillEndpoint(provider.endpoint, call.destination.target),
    ...(Object.keys(provider.techHeaders).length > 0 ? { sipHeaders: provider.techHeaders } : {}),
    ...(formats ? { formats } : {}),
  };
}
