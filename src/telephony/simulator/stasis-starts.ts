import type { Channel } from './channel';
import type { ChannelStore } from './channel-store';
import { SimError } from './sim-error';

/**
 * When a channel made by channels/create enters Stasis. Asterisk answers the create and puts the
 * channel into the application on its own thread, so StasisStart mostly arrives after the HTTP
 * answer (trace stasis-start-before-dial) and a `dial` sent at once can be refused with 409. The
 * simulator answers first and enters Stasis right after; /sim can hold StasisStart back until
 * released, to make that race deterministic.
 */
export function createStasisStarts(store: ChannelStore) {
  const held = new Map<string, Channel>();
  let holding = false;
  const timers = new Set<NodeJS.Immediate>();

  const enter = (channel: Channel) => {
    if (store.live.get(channel.id) === channel && !channel.inStasis) store.enterStasis(channel, 'dialplan');
  };

  return {
    /** After the create's answer: now, or when released while held. */
    afterCreate(channel: Channel): void {
      if (holding) return void held.set(channel.id, channel);
      const timer = setImmediate(() => {
        timers.delete(timer);
        enter(channel);
      });
      timers.add(timer);
    },

    hold(on: boolean): void {
      holding = on;
    },

    get holding(): boolean {
      return holding;
    },

    release(channelId: string): void {
      const channel = held.get(channelId);
      if (!channel) throw new SimError(409, 'No StasisStart is held back for this channel');
      held.delete(channelId);
      enter(channel);
    },

    heldIds: (): string[] => [...held.keys()],

    closeAll(): void {
      for (const timer of timers) clearImmediate(timer);
      timers.clear();
      held.clear();
      holding = false;
    },
  };
}
