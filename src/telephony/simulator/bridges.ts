import { randomUUID } from 'node:crypto';
import { ariTime } from './ari-time';
import { channelJson, type Channel } from './channel';
import type { EventHub } from './event-hub';
import type { Sandbox } from './sandbox';
import { SimError } from './sim-error';

interface Bridge {
  id: string;
  name: string;
  type: string;
  app: string;
  channels: Set<string>;
  creationtime: Date;
}

/** Mixing bridges: who is bridged with whom is part of what the far end experiences. */
export function createBridges(sandbox: Sandbox, hub: EventHub) {
  const bridges = new Map<string, Bridge>();

  const json = (bridge: Bridge) => ({
    id: bridge.id,
    technology: 'simple_bridge',
    bridge_type: bridge.type,
    bridge_class: 'stasis',
    creator: 'Stasis',
    name: bridge.name,
    channels: [...bridge.channels],
    creationtime: ariTime(bridge.creationtime),
    video_mode: 'none',
  });

  function get(id: string): Bridge {
    const bridge = bridges.get(id);
    if (!bridge) throw new SimError(404, 'Bridge not found');
    return bridge;
  }

  function refreshPeers(bridge: Bridge): void {
    for (const id of bridge.channels) {
      const record = sandbox.records.get(id);
      if (record) record.bridged_with = [...bridge.channels].filter((other) => other !== id);
    }
  }

  function leave(bridge: Bridge, channel: Channel): void {
    if (!bridge.channels.delete(channel.id)) return;
    channel.record.bridge_id = null;
    channel.record.bridged_with = [];
    refreshPeers(bridge);
    hub.emit(bridge.app, { type: 'ChannelLeftBridge', timestamp: ariTime(), bridge: json(bridge), channel: channelJson(channel) });
  }

  return {
    json,
    list: () => [...bridges.values()].map(json),
    get: (id: string) => json(get(id)),
    create(params: { bridgeId?: string; type?: string; name?: string }, app: string) {
      const id = params.bridgeId || randomUUID();
      const existing = bridges.get(id);
      if (existing) return json(existing);
      const bridge: Bridge = { id, name: params.name ?? '', type: params.type?.split(',')[0] ?? 'mixing', app, channels: new Set(), creationtime: new Date() };
      bridges.set(id, bridge);
      return json(bridge);
    },
    addChannels(id: string, channelIds: string[]): void {
      const bridge = get(id);
      for (const channelId of channelIds) {
        const channel = sandbox.live(channelId);
        if (channel.record.bridge_id && channel.record.bridge_id !== id) throw new SimError(409, 'Channel is already in a bridge');
        bridge.channels.add(channel.id);
        channel.record.bridge_id = id;
        refreshPeers(bridge);
        hub.emit(bridge.app, { type: 'ChannelEnteredBridge', timestamp: ariTime(), bridge: json(bridge), channel: channelJson(channel) });
      }
    },
    removeChannels(id: string, channelIds: string[]): void {
      const bridge = get(id);
      for (const channelId of channelIds) {
        if (!bridge.channels.has(channelId)) throw new SimError(422, 'Channel not in this bridge');
        leave(bridge, sandbox.live(channelId));
      }
    },
    destroy(id: string): void {
      const bridge = get(id);
      for (const channelId of [...bridge.channels]) {
        const channel = sandbox.channels.get(channelId);
        if (channel) leave(bridge, channel);
      }
      bridges.delete(id);
      hub.emit(bridge.app, { type: 'BridgeDestroyed', timestamp: ariTime(), bridge: json(bridge) });
    },
    channelGone(channel: Channel): void {
      const bridge = channel.record.bridge_id ? bridges.get(channel.record.bridge_id) : undefined;
      if (bridge) leave(bridge, channel);
    },
    closeAll: () => bridges.clear(),
  };
}

export type Bridges = ReturnType<typeof createBridges>;
