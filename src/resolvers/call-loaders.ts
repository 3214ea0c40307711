import DataLoader from 'dataloader';
import type { Call } from '../domain/call';
import type { Activeflow } from '../domain/flow/activeflow';
import type { ActiveflowService } from '../services/activeflow-service';
import type { EventRecord } from '../events/event-record';
import type { CallService } from '../services/call-service';
import type { EventService } from '../services/event-service';

export interface CallLoaders {
  callById: DataLoader<string, Call | null>;
  chainedByMaster: DataLoader<string, Call[]>;
  eventsByCall: DataLoader<string, EventRecord[]>;
  activeflowByCall: DataLoader<string, Activeflow | null>;
}

/** Per-request batching: a page of calls with their chains costs one query per field. */
export function createCallLoaders(
  calls: Pick<CallService, 'findManyOwned' | 'findChained'>,
  events: Pick<EventService, 'historyOfMany'>,
  customerId: string,
  activeflows: Pick<ActiveflowService, 'findByCalls'>,
): CallLoaders {
  return {
    callById: new DataLoader(async (ids) => {
      const found = new Map((await calls.findManyOwned(ids, customerId)).map((call) => [call.id, call]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    chainedByMaster: new DataLoader(async (masterIds) => {
      const chained = await calls.findChained(masterIds, customerId);
      return masterIds.map((id) => chained.filter((call) => call.masterCallId === id));
    }),
    eventsByCall: new DataLoader(async (callIds) => {
      const history = await events.historyOfMany(customerId, callIds);
      return callIds.map((id) => history.filter((event) => event.resourceId === id));
    }),
    activeflowByCall: new DataLoader(async (callIds) => {
      const found = new Map((await activeflows.findByCalls(callIds, customerId)).map((flow) => [flow.referenceId, flow]));
      return callIds.map((id) => found.get(id) ?? null);
    }),
  };
}
