import type { Address, AddressType } from '../domain/address';

export type EndpointTemplates = Readonly<Record<AddressType, string>>;

/**
 * The media server's endpoint for a destination, from the per-type template of the settings
 * (`PJSIP/{target}@carrier`, `Local/{target}@sandbox` …).
 */
export const endpointFor = (address: Pick<Address, 'type' | 'target'>, templates: EndpointTemplates): string =>
  templates[address.type].split('{target}').join(address.target);
