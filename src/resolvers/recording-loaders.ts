import DataLoader from 'dataloader';
import type { Recording } from '../domain/recording';
import type { GraphqlContext } from './context';

/** Per request: the recordings of every call in a response, in one query. */
const loaders = new WeakMap<GraphqlContext, DataLoader<string, Recording[]>>();

export function recordingsByCall(ctx: GraphqlContext): DataLoader<string, Recording[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (callIds) => {
      const recordings = await ctx.services.recordings.ofCalls(ctx.customerId, callIds);
      return callIds.map((id) => recordings.filter((recording) => recording.referenceId === id));
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
