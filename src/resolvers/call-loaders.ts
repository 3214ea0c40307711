import DataLoader from 'dataloader';
import type { Call } from '../domain/call';
import type { CallRepository } from '../services/call-repository';

export interface CallLoaders {
  callById: DataLoader<string, Call | null>;
  chainedByMaster: DataLoader<string, Call[]>;
}

/** Per-request batching: a page of calls with their chains costs one query per field. */
export function createCallLoaders(calls: CallRepository, customerId: string): CallLoaders {
  return {
    callById: new DataLoader(async (ids) => {
      const found = new Map((await calls.findManyOwned(ids, customerId)).map((call) => [call.id, call]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    chainedByMaster: new DataLoader(async (masterIds) => {
      const chained = await calls.findChained(masterIds, customerId);
      return masterIds.map((id) => chained.filter((call) => call.masterCallId === id));
    }),
  };
}
