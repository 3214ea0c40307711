import { randomUUID } from 'node:crypto';
import { badRequest } from './sim-error';
import { targetOf } from './number-plan';

/** How Asterisk names and places a channel it creates towards an endpoint. */
export interface EndpointChannel {
  target: string;
  /** What Dial events show as `dialstring`: the endpoint without its technology. */
  dialstring: string;
  name: string;
  protocolId: string;
  context: string;
  exten: string;
}

const sequenceSuffix = (sequence: number): string => sequence.toString(16).padStart(8, '0');

/**
 * `PJSIP/+1555…@carrier`, `PJSIP/sipout/sip:alice@example.com` and `PJSIP/alice` make channels
 * named after the PJSIP endpoint (`PJSIP/carrier-00000007`) with a SIP Call-ID; a Local channel is
 * the `;1` half of `Local/+1555…@sandbox-00000007` and sits in that context and extension.
 */
export function endpointChannel(endpoint: string, sequence: number): EndpointChannel {
  const slash = endpoint.indexOf('/');
  if (slash <= 0 || slash === endpoint.length - 1) throw badRequest('Invalid endpoint specified');
  const technology = endpoint.slice(0, slash);
  const resource = endpoint.slice(slash + 1);
  const target = targetOf(endpoint);
  const suffix = sequenceSuffix(sequence);

  if (technology.toLowerCase() === 'local') {
    const [extenAt = ''] = resource.split('/');
    const at = extenAt.indexOf('@');
    const exten = at === -1 ? extenAt : extenAt.slice(0, at);
    const context = at === -1 ? 'default' : extenAt.slice(at + 1);
    return { target, dialstring: resource, name: `Local/${exten}@${context}-${suffix};1`, protocolId: '', context, exten };
  }
  const head = resource.split('/')[0] ?? resource;
  const device = head.includes('@') ? head.slice(head.indexOf('@') + 1) : head;
  return { target, dialstring: resource, name: `${technology}/${device}-${suffix}`, protocolId: randomUUID(), context: 'default', exten: 's' };
}

/** The name of a snoop channel on `channelId`, as Asterisk gives it. */
export const snoopChannelName = (channelId: string, sequence: number): string => `Snoop/${channelId}-${sequenceSuffix(sequence)}`;

/** The name of a channel of a call arriving from the carrier. */
export const incomingChannelName = (sequence: number): string => `PJSIP/carrier-${sequenceSuffix(sequence)}`;
