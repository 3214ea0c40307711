import type { Call } from '../domain/call';
import type { CallService } from '../services/call-service';
import { chainedIdsByMaster, presentCall, type RestCall } from './call.presenter';

/** Presents calls with their chained call ids, loaded in one query for the whole response. */
export async function presentCalls(calls: readonly Call[], customerId: string, repository: Pick<CallService, 'findChained'>): Promise<RestCall[]> {
  if (calls.length === 0) return [];
  const chained = chainedIdsByMaster(await repository.findChained(calls.map((call) => call.id), customerId));
  return calls.map((call) => presentCall(call, chained.get(call.id)));
}
