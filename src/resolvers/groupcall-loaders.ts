import DataLoader from 'dataloader';
import type { Groupcall } from '../domain/groupcall';
import type { GraphqlContext } from './context';

/** Per request: the groupcalls of every leg in a response, in one query (Call.groupcall). */
const loaders = new WeakMap<GraphqlContext, DataLoader<string, Groupcall | null>>();

export function groupcallById(ctx: GraphqlContext): DataLoader<string, Groupcall | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = new Map((await ctx.services.groupcalls.findManyOwned(ids, ctx.customerId)).map((groupcall) => [groupcall.id, groupcall]));
      return ids.map((id) => found.get(id) ?? null);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}
