import type { Address, AddressType } from '../domain/address';
import type { Call } from '../domain/call';
import { fillEndpoint } from '../domain/routing';

export type EndpointTemplates = Readonly<Record<AddressType, string>>;

/**
 * The media server's endpoint for a destination, from the per-type template of the settings
 * (`PJSIP/{target}@carrier`, `Local/{target}@sandbox` …).
 */
export const endpointFor = (address: Pick<Address, 'type' | 'target'>, templates: EndpointTemplates): string =>
  templates[address.type].split('{target}').join(address.target);

/**
 * The endpoint of a call's current attempt: its route plan's provider for that attempt (route
 * failover, docs/routing.md), else the per-type template (ARI_ENDPOINT_TEL is the single default provider).
 */
export function endpointOfAttempt(call: Pick<Call, 'destination' | 'routePlan' | 'attempts'>, templates: EndpointTemplates): string {
  const provider = call.routePlan[Math.max(call.attempts.length - 1, 0)];
  return provider ? fillEndpoint(provider.endpoint, call.destination.target) : endpointFor(call.destination, templates);
}
