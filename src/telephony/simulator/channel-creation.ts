import { randomUUID } from 'node:crypto';
import { newChannel, type Channel } from './channel';
import type { ChannelStore } from './channel-store';
import { endpointChannel, incomingChannelName } from './endpoint-names';
import { farEndOf } from './number-plan';
import { SimError } from './sim-error';

export interface OutgoingSpec {
  endpoint: string;
  app: string;
  channelId?: string;
  appArgs?: string;
  callerId?: string;
  variables?: Record<string, string>;
}

export const argsOf = (appArgs: string | undefined): string[] => (appArgs ? appArgs.split(',') : []);
export const stasisData = (app: string, appArgs: string | undefined): string => (appArgs ? `${app},${appArgs}` : app);

export function freshId(store: ChannelStore, wanted: string | undefined): string {
  if (wanted && store.live.has(wanted)) throw new SimError(409, 'Channel with given unique ID already exists');
  return wanted || randomUUID();
}

/** CALLERID(…) variables set the caller; the others are kept for GET /variable. */
export function applyVariable(channel: Channel, name: string, value: string): void {
  if (name === 'CALLERID(num)') channel.caller.number = value;
  else if (name === 'CALLERID(name)') channel.caller.name = value;
  else channel.variables.set(name, value);
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
    caller: { name: '', number: spec.callerId ?? '' },
    dialplan: { context: placed.context, exten: placed.exten, priority: 1, app_name: 'Stasis', app_data: stasisData(spec.app, spec.appArgs) },
    args: argsOf(spec.appArgs),
    subscribed: true,
    endpoint: spec.endpoint,
    target: placed.target,
    direction: 'outgoing',
    farEnd: farEndOf(placed.target),
  });
  for (const [name, value] of Object.entries(spec.variables ?? {})) applyVariable(channel, name, String(value));
  return store.add(channel);
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
      // Deviation from the trace, which stops at StasisEnd: the app also hears ChannelDestroyed.
      subscribed: true,
      endpoint: name,
      target: destination,
      direction: 'incoming',
      farEnd: 'caller',
    }),
  );
}
