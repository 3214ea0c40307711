import DataLoader from 'dataloader';
import type { Transfer } from '../domain/transfer';
import type { GraphqlContext } from './context';

/** Per request: the transfers of every call in a response, in one query (Call.transfers). */
const loaders = new WeakMap<GraphqlContext, DataLoader<string, Transfer[]>>();

export function transfersOfCall(ctx: GraphqlContext): DataLoader<string, Transfer[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (callIds) => {
      const found = await ctx.services.transfers.ofCalls(ctx.customerId, callIds);
      const takesPart = (transfer: Transfer, callId: string) => transfer.transfererCallId === callId || transfer.callerCallId === callId || transfer.consultCallIds.includes(callId);
      return callIds.map((callId) => found.filter((transfer) => takesPart(transfer, callId)));
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
