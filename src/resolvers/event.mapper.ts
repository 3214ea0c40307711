import type { Address as DomainAddress } from '../domain/address';
import type { EventRecord } from '../events/event-record';
import type { Address } from '../schema/address.type';
import type { AddressTypeEnum } from '../schema/call-status.enum';

/** The fields every GraphQL event type shares, whatever resource it is of. */
export interface GraphqlEventFields {
  type: string;
  resourceId: string;
  sequence: number;
  position: string | null;
  occurredAt: Date;
}

export const toGraphqlEventFields = (event: EventRecord): GraphqlEventFields => ({
  type: event.type,
  resourceId: event.resourceId,
  sequence: event.sequence,
  position: event.position,
  occurredAt: new Date(event.tmCreate),
});

/** An address of a call, groupcall or transfer (a nested groupcall's destination too: its type is groupcall). */
export const toGraphqlAddress = (address: Omit<DomainAddress, 'type'> & { type: string }): Address => ({
  type: address.type as AddressTypeEnum,
  target: address.target,
  targetName: address.targetName,
  name: address.name,
  detail: address.detail,
});
