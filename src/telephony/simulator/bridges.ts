import { randomUUID } from 'node:crypto';
import { ariTime } from './ari-time';
import { channelJson, type Channel } from './channel';
import type { ChannelStore } from './channel-store';
import type { EventHub } from './event-hub';
import type { PlaybackTarget } from './playbacks';
import type { RecordingTarget } from './recordings';
import { bridgeNotFound, SimError } from './sim-error';

interface Bridge {
  id: string;
  name: string;
  type: 'mixing' | 'holding';
  members: Channel[];
  /** Apps of the channels that entered: Stasis subscribes them to the bridge. */
  apps: Set<string>;
  creationtime: string;
  /** The music on hold class the bridge plays to its channels (POST /bridges/{id}/moh); no event tells it. */
  moh: string | null;
}

export interface BridgeSpec {
  bridgeId?: string;
  type?: string;
  name?: string;
}

/** Bridges: who is bridged with whom, with the events of trace bridge-two-calls-record-snoop. */
export function createBridges(store: ChannelStore, hub: EventHub, onGone: (uri: string) => void) {
  const bridges = new Map<string, Bridge>();
  const bridgeOf = new Map<string, Bridge>();

  const technology = (bridge: Bridge) => (bridge.type === 'holding' ? 'holding_bridge' : bridge.members.length > 2 ? 'softmix' : 'simple_bridge');
  const json = (bridge: Bridge) => ({
    id: bridge.id,
    technology: technology(bridge),
    bridge_type: bridge.type,
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: bridge.name,
    channels: bridge.members.map((member) => member.id),
    creationtime: bridge.creationtime,
    video_mode: 'talker',
  });

  function announce(bridge: Bridge, type: string, channel?: Channel): void {
    const event = { type, timestamp: ariTime(), bridge: json(bridge), ...(channel ? { channel: channelJson(channel) } : {}) };
    for (const app of bridge.apps) hub.emit(app, event);
  }

  function refreshPeers(bridge: Bridge, announcePeers: boolean): void {
    for (const member of bridge.members) {
      const others = bridge.members.filter((other) => other !== member);
      member.record.bridged_with = others.map((other) => other.id);
      if (announcePeers && others.length > 0) {
        store.emit(member, 'ChannelVarset', { variable: 'BRIDGEPEER', value: others.map((other) => other.name).join(',') }, true);
      }
    }
  }

  /** A channel that hangs up keeps, in its record, the bridge it was last in. */
  function leave(bridge: Bridge, channel: Channel, keepRecord = false): void {
    bridge.members = bridge.members.filter((member) => member !== channel);
    bridgeOf.delete(channel.id);
    if (!keepRecord) Object.assign(channel.record, { bridge_id: null, bridged_with: [] });
    store.emit(channel, 'ChannelVarset', { variable: 'BRIDGEPEER', value: '' }, true);
    announce(bridge, 'ChannelLeftBridge', channel);
    refreshPeers(bridge, bridge.members.length > 1);
  }

  function enter(bridge: Bridge, channel: Channel): void {
    const current = bridgeOf.get(channel.id);
    if (current === bridge) return;
    if (current) {
      leave(current, channel);
      // Moved out: the app stops hearing of a bridge where it has no channel left, so no
      // BridgeDestroyed comes for it (trace attended-transfer-holding-bridge-moh-consult-complete).
      if (!current.members.some((member) => member.app === channel.app)) current.apps.delete(channel.app);
    }
    bridge.members.push(channel);
    bridge.apps.add(channel.app);
    bridgeOf.set(channel.id, bridge);
    channel.record.bridge_id = bridge.id;
    announce(bridge, 'ChannelEnteredBridge', channel);
    refreshPeers(bridge, bridge.members.length > 1);
  }

  function find(id: string): Bridge {
    const bridge = bridges.get(id);
    if (!bridge) throw bridgeNotFound();
    return bridge;
  }

  /** addChannel and removeChannel name channels that must exist (400) and be in Stasis (422). */
  function members(ids: string[]): Channel[] {
    return ids.map((id) => {
      const channel = store.live.get(id);
      if (!channel) throw new SimError(400, 'Channel not found');
      if (!channel.inStasis) throw new SimError(422, 'Channel not in Stasis application');
      return channel;
    });
  }

  store.onHangup((channel) => {
    const bridge = bridgeOf.get(channel.id);
    if (bridge) leave(bridge, channel, true);
  });

  return {
    list: () => [...bridges.values()].map(json),
    get: (id: string) => json(find(id)),

    create(spec: BridgeSpec, updateIfExists: boolean) {
      const existing = spec.bridgeId ? bridges.get(spec.bridgeId) : undefined;
      if (existing && !updateIfExists) throw new SimError(409, 'Bridge with this ID already exists');
      if (existing) {
        if (spec.name && spec.name !== existing.name) throw new SimError(500, 'Changing bridge name is not implemented');
        return json(existing);
      }
      const type = (spec.type ?? '').split(',').includes('holding') ? 'holding' : 'mixing';
      const bridge: Bridge = { id: spec.bridgeId || randomUUID(), name: spec.name ?? '', type, members: [], apps: new Set(), creationtime: ariTime(), moh: null };
      bridges.set(bridge.id, bridge);
      return json(bridge);
    },

    destroy(id: string): void {
      const bridge = find(id);
      for (const member of [...bridge.members]) leave(bridge, member);
      bridges.delete(id);
      onGone(`bridge:${id}`);
      announce(bridge, 'BridgeDestroyed');
    },

    addChannels(id: string, channelIds: string[]): void {
      const bridge = find(id);
      for (const channel of members(channelIds)) enter(bridge, channel);
    },

    removeChannels(id: string, channelIds: string[]): void {
      const bridge = find(id);
      const leaving = members(channelIds);
      if (leaving.some((channel) => bridgeOf.get(channel.id) !== bridge)) throw new SimError(422, 'Channel not in this bridge');
      for (const channel of leaving) leave(bridge, channel);
    },

    /** Music on hold for the bridge's channels: a class, or null to stop it. */
    moh(id: string, mohClass: string | null): void {
      find(id).moh = mohClass;
    },

    /** What /sim shows of a bridge: its channels and the music on hold it plays. */
    record(id: string) {
      const bridge = find(id);
      return { id: bridge.id, type: bridge.type, channels: bridge.members.map((member) => member.id), moh: { active: bridge.moh !== null, class: bridge.moh } };
    },

    bridgeIdOf: (channelId: string): string | undefined => bridgeOf.get(channelId)?.id,
    idsForApp: (app: string): string[] => [...bridges.values()].filter((bridge) => bridge.apps.has(app)).map((bridge) => bridge.id),

    /** The bridge as something to play media to or record. */
    target(id: string): PlaybackTarget & RecordingTarget {
      const bridge = find(id);
      return { uri: `bridge:${id}`, apps: bridge.apps, listeners: bridge.members.map((m) => m.record), subjects: bridge.members.map((m) => m.record), inBridge: false };
    },

    closeAll(): void {
      bridges.clear();
      bridgeOf.clear();
    },
  };
}

export type Bridges = ReturnType<typeof createBridges>;
