import { randomUUID } from 'node:crypto';
import { newChannel, type Channel } from './channel';
import type { ChannelStore } from './channel-store';
import { endpointChannel, incomingChannelName } from './endpoint-names';
import { farEndOfEndpoint } from './number-plan';
import { SimError } from './sim-error';

export interface OutgoingSpec {
  endpoint: string;
  app: string;
  channelId?: string;
  appArgs?: string;
  /** originate's `callerId` ("Name" <number>): it sets the caller and the connected line. */
  callerId?: { name: string; number: string };
  variables?: Record<string, string>;
  /** The formats asked for, already checked (src/telephony/simulator/formats.ts). */
  formats?: string | null;
}

export const argsOf = (appArgs: string | undefined): string[] => (appArgs ? appArgs.split(',') : []);
export const stasisData = (app: string, appArgs: string | undefined): string => (appArgs ? `${app},${appArgs}` : app);

export function freshId(store: ChannelStore, wanted: string | undefined): string {
  if (wanted && store.live.has(wanted)) throw new SimError(409, 'Channel with given unique ID already exists');
  return wanted || randomUUID();
}

/** The party a CALLERID(…) or CONNECTEDLINE(…) variable sets, and the event that reports it. */
const PARTY_VARIABLES: Readonly<Record<string, { party: 'caller' | 'connected'; field: 'name' | 'number' }>> = {
  'CALLERID(num)': { party: 'caller', field: 'number' },
  'CALLERID(name)': { party: 'caller', field: 'name' },
  'CONNECTEDLINE(num)': { party: 'connected', field: 'number' },
  'CONNECTEDLINE(name)': { party: 'connected', field: 'name' },
};

/**
 * CALLERID(…) and CONNECTEDLINE(…) set the caller and the connected line, each change reported
 * by ChannelCallerId / ChannelConnectedLine (trace callerid-presentation); other variables are
 * kept for GET /variable. Answers whether the variable was a party's.
 */
export function applyVariable(store: ChannelStore, channel: Channel, name: string, value: string): boolean {
  const party = PARTY_VARIABLES[name];
  if (!party) {
    channel.variables.set(name, value);
    return false;
  }
  channel[party.party][party.field] = value; // in place: the far end's record shares the caller
  if (party.party === 'caller') store.emit(channel, 'ChannelCallerId', { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' }, true);
  else store.emit(channel, 'ChannelConnectedLine', {}, true);
  return true;
}

/** A channel towards an endpoint (channels/create and originate), not yet in Stasis. */
export function createOutgoing(store: ChannelStore, spec: OutgoingSpec): Channel {
  const id = freshId(store, spec.channelId);
  const placed = endpointChannel(spec.endpoint, store.nextSequence());
  const channel = newChannel({
    id,
    name: placed.name,
    app: spec.app,
    protocolId: placed.protocolId,
    state: 'Down',
    caller: { ...(spec.callerId ?? { name: '', number: '' }) },
    dialplan: { context: placed.context, exten: placed.exten, priority: 1, app_name: 'Stasis', app_data: stasisData(spec.app, spec.appArgs) },
    args: argsOf(spec.appArgs),
    subscription: 'implicit',
    endpoint: spec.endpoint,
    target: placed.target,
    direction: 'outgoing',
    farEnd: farEndOfEndpoint(spec.endpoint.slice(0, spec.endpoint.indexOf('/')), placed.context, placed.target),
  });
  if (spec.callerId) Object.assign(channel.connected, spec.callerId);
  channel.record.variables = Object.fromEntries(Object.entries(spec.variables ?? {}).map(([name, value]) => [name, String(value)]));
  channel.record.formats = spec.formats ?? null;
  store.add(channel);
  for (const [name, value] of Object.entries(spec.variables ?? {})) applyVariable(store, channel, name, String(value));
  return channel;
}

/**
 * A call arriving from the carrier: the dialplan hands it to the app, ringing (trace inbound-pjsip-…).
 * `channelId`: an id of Asterisk's own form ("1795462354.30") instead of a UUID, as a real Asterisk names it.
 */
export function createIncoming(store: ChannelStore, app: string, source: string, destination: string, channelId?: string): Channel {
  const name = incomingChannelName(store.nextSequence());
  return store.add(
    newChannel({
      id: freshId(store, channelId),
      name,
      app,
      protocolId: randomUUID(),
      state: 'Ring',
      caller: { name: '', number: source },
      dialplan: { context: 'from-carrier', exten: destination, priority: 1, app_name: 'Stasis', app_data: `${app},inbound` },
      args: ['inbound'],
      // From the dialplan: after StasisEnd the app hears nothing more unless it subscribes.
      subscription: 'none',
      endpoint: name,
      target: destination,
      direction: 'incoming',
      farEnd: 'caller',
    }),
  );
}
