import { NORMAL_CLEARING } from './causes';
import { newChannel, type Channel } from './channel';
import { argsOf, freshId, stasisData } from './channel-creation';
import type { ChannelStore } from './channel-store';
import { snoopChannelName } from './endpoint-names';
import { badRequest } from './sim-error';

export interface SnoopSpec {
  app: string;
  appArgs?: string;
  snoopId?: string;
  spy?: string;
  whisper?: string;
}

const DIRECTIONS = new Set(['none', 'both', 'out', 'in']);

/** Snoop channels: answered and in Stasis at once (trace bridge-two-calls-record-snoop), gone with their target. */
export function createSnoops(store: ChannelStore) {
  const snoopsOf = new Map<string, Set<Channel>>();
  /** Each snoop's spy direction: what its recordings hear. */
  const spies = new Map<string, string>();

  store.onHangup((gone) => {
    if (gone.snoopOf) snoopsOf.get(gone.snoopOf)?.delete(gone);
    spies.delete(gone.id);
    const snoops = snoopsOf.get(gone.id);
    if (!snoops) return;
    snoopsOf.delete(gone.id);
    for (const snoop of snoops) store.hangup(snoop, { cause: NORMAL_CLEARING, by: 'media_server', request: 'hard' });
  });

  return {
    create(target: Channel, spec: SnoopSpec): Channel {
      const spy = spec.spy ?? 'none';
      const whisper = spec.whisper ?? 'none';
      if (!DIRECTIONS.has(spy) || !DIRECTIONS.has(whisper)) throw badRequest('Invalid direction specified');
      if (spy === 'none' && whisper === 'none') throw badRequest('Snoop direction spy or whisper must be specified');
      const id = freshId(store, spec.snoopId);
      const name = snoopChannelName(target.id, store.nextSequence());
      const snoop = newChannel({
        id,
        name,
        app: spec.app,
        protocolId: '',
        state: 'Up',
        caller: { name: '', number: '' },
        dialplan: { context: 'default', exten: 's', priority: 1, app_name: 'Stasis', app_data: stasisData(spec.app, spec.appArgs) },
        args: argsOf(spec.appArgs),
        subscription: 'none',
        snoopOf: target.id,
        endpoint: name,
        target: target.id,
        direction: 'snoop',
        farEnd: 'snoop',
      });
      store.add(snoop);
      spies.set(id, spy);
      let snoops = snoopsOf.get(target.id);
      if (!snoops) snoopsOf.set(target.id, (snoops = new Set()));
      snoops.add(snoop);
      store.enterStasis(snoop, 'start-only');
      return snoop;
    },

    spyOf: (channelId: string): string | undefined => spies.get(channelId),

    closeAll(): void {
      snoopsOf.clear();
      spies.clear();
    },
  };
}

export type Snoops = ReturnType<typeof createSnoops>;
