import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { EventRecord } from '../events/event-record';
import { openEventStream } from '../events/event-stream';
import { Call } from '../schema/call.type';
import { CreateGroupcallInput } from '../schema/create-groupcall.input';
import { Groupcall, GroupcallConnection, GroupcallEvent } from '../schema/groupcall.type';
import { toGraphqlCall } from './call.mapper';
import type { GraphqlContext } from './context';
import { toGraphqlGroupcall, toGraphqlGroupcallEvent } from './groupcall.mapper';
import { nullWhenNotFound } from './null-when-not-found';
import { groupcallById } from './groupcall-loaders';
import { connectionOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';

@ArgsType()
class GroupcallsArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

/**
 * The groupcall's events and its legs' call events: the past ones first, then live (a leg dialled
 * later is taken by its groupcall_id), completing after groupcall_hangup.
 */
async function subscribeToGroupcallEvents({ args, context }: { args: { groupcallId: string }; context: GraphqlContext }) {
  const { services, customerId } = context;
  const groupcall = await services.groupcalls.get(customerId, args.groupcallId);
  const ofGroupcall = (event: EventRecord) =>
    event.resourceId === groupcall.id || (event.resourceType === 'call' && event.payload.groupcall_id === groupcall.id);
  return openEventStream({
    bus: services.bus,
    customerId,
    accept: ofGroupcall,
    replay: async () => {
      const current = await services.groupcalls.get(customerId, groupcall.id);
      const events = await services.events.historyOfMany(customerId, [current.id, ...current.callIds]);
      // In outbox order across the groupcall and its legs.
      return events.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    },
    isLast: (event) => event.type === 'groupcall_hangup',
  });
}

@Resolver(() => Groupcall)
export class GroupcallResolver {
  @Query(() => Groupcall, { nullable: true, description: 'One of your groupcalls; null when there is no such groupcall of yours.' })
  async groupcall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Groupcall | null> {
    const groupcall = await nullWhenNotFound(ctx.services.groupcalls.get(ctx.customerId, id));
    return groupcall ? toGraphqlGroupcall(groupcall) : null;
  }

  @Query(() => GroupcallConnection, { description: 'Your groupcalls, newest first (deleted ones are left out).' })
  async groupcalls(@Args(() => GroupcallsArgs) args: GroupcallsArgs, @Ctx() ctx: GraphqlContext): Promise<GroupcallConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.groupcalls.list(ctx.customerId, { pageSize, after });
    return connectionOf(page.groupcalls, page.cursors, pageSize, toGraphqlGroupcall);
  }

  @Mutation(() => Groupcall, { description: 'Rings the destinations (all at once, or one after another); the first to answer wins.' })
  async createGroupcall(@Arg('input', () => CreateGroupcallInput) input: CreateGroupcallInput, @Ctx() ctx: GraphqlContext): Promise<Groupcall> {
    return toGraphqlGroupcall(await ctx.services.groupcalls.create(ctx.customerId, input));
  }

  @Mutation(() => Groupcall, { description: 'Hangs every leg up: HANGINGUP, then HANGUP once the last leg ended.' })
  async hangupGroupcall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Groupcall> {
    return toGraphqlGroupcall(await ctx.services.groupcalls.hangup(ctx.customerId, id));
  }

  @Mutation(() => Groupcall, { description: 'Hangs a live groupcall up, then removes it from lists.' })
  async deleteGroupcall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Groupcall> {
    return toGraphqlGroupcall(await ctx.services.groupcalls.delete(ctx.customerId, id));
  }

  @FieldResolver(() => [Call], { description: 'The legs, in dial order.' })
  async calls(@Root() groupcall: Groupcall, @Ctx() ctx: GraphqlContext): Promise<Call[]> {
    const legs = await Promise.all(groupcall.callIds.map((id) => ctx.loaders.callById.load(id)));
    return legs.flatMap((leg) => (leg ? [toGraphqlCall(leg)] : []));
  }

  @FieldResolver(() => Call, { nullable: true, description: 'The leg that answered first (at any level of nesting).' })
  async answeredCall(@Root() groupcall: Groupcall, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    const leg = groupcall.answerCallId ? await ctx.loaders.callById.load(groupcall.answerCallId) : null;
    return leg ? toGraphqlCall(leg) : null;
  }

  @FieldResolver(() => [Groupcall], { name: 'groupcalls', description: 'The nested groupcalls dialled so far, in dial order.' })
  async nestedGroupcalls(@Root() groupcall: Groupcall, @Ctx() ctx: GraphqlContext): Promise<Groupcall[]> {
    if (groupcall.groupcallIds.length === 0) return [];
    const nested = await ctx.services.groupcalls.findManyOwned(groupcall.groupcallIds, ctx.customerId);
    const byId = new Map(nested.map((child) => [child.id, child]));
    return groupcall.groupcallIds.flatMap((id) => (byId.has(id) ? [toGraphqlGroupcall(byId.get(id)!)] : []));
  }

  @FieldResolver(() => Groupcall, { nullable: true, description: 'The groupcall this one is nested in.' })
  async master(@Root() groupcall: Groupcall, @Ctx() ctx: GraphqlContext): Promise<Groupcall | null> {
    if (!groupcall.masterGroupcallId) return null;
    const master = await nullWhenNotFound(ctx.services.groupcalls.get(ctx.customerId, groupcall.masterGroupcallId));
    return master ? toGraphqlGroupcall(master) : null;
  }

  @Subscription(() => GroupcallEvent, {
    subscribe: subscribeToGroupcallEvents,
    description: "A groupcall's events and its legs' call events (past ones first), completing after groupcall_hangup.",
  })
  groupcallEvents(@Root() event: EventRecord, @Arg('groupcallId', () => ID) _groupcallId: string): GroupcallEvent {
    return toGraphqlGroupcallEvent(event);
  }
}

@Resolver(() => Call)
export class CallGroupcallResolver {
  @FieldResolver(() => Groupcall, { nullable: true, description: 'The groupcall this call is a leg of.' })
  async groupcall(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Groupcall | null> {
    if (!call.groupcallId) return null;
    const groupcall = await groupcallById(ctx).load(call.groupcallId);
    return groupcall ? toGraphqlGroupcall(groupcall) : null;
  }
}
