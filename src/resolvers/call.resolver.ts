import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CallStatus } from '../domain/call-status';
import { CallConnection } from '../schema/call-connection.type';
import { CallFilter } from '../schema/call-filter.input';
import { Call } from '../schema/call.type';
import { CreateCallsInput } from '../schema/create-calls.input';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { connectionOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';
import { toGraphqlCall, toGraphqlCallEvent } from './call.mapper';
import { CallEvent } from '../schema/call-event.type';

@ArgsType()
class CallsArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;

  @Field(() => CallFilter, { nullable: true })
  filter?: CallFilter;
}

@Resolver(() => Call)
export class CallResolver {
  @Query(() => Call, { nullable: true, description: "One of your calls; null when there is no such call of yours." })
  async call(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    const call = await nullWhenNotFound(ctx.services.calls.get(ctx.customerId, id));
    return call ? toGraphqlCall(call) : null;
  }

  @Query(() => CallConnection, { description: 'Your calls, newest first (deleted calls are left out).' })
  async calls(@Args(() => CallsArgs) args: CallsArgs, @Ctx() ctx: GraphqlContext): Promise<CallConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.calls.list(ctx.customerId, {
      pageSize,
      after,
      statuses: args.filter?.status as CallStatus[] | undefined,
      direction: args.filter?.direction,
    });
    return connectionOf(page.calls, page.cursors, pageSize, toGraphqlCall);
  }

  @Mutation(() => [Call], { description: 'Makes one outgoing call per destination; each starts DIALING.' })
  async createCalls(@Arg('input', () => CreateCallsInput) input: CreateCallsInput, @Ctx() ctx: GraphqlContext): Promise<Call[]> {
    const calls = await ctx.services.calls.create(ctx.customerId, input);
    return calls.map(toGraphqlCall);
  }

  @Mutation(() => Call, { description: 'Hangs a call up: CANCELING before answer, TERMINATING after.' })
  async hangupCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.calls.hangup(ctx.customerId, id));
  }

  @Mutation(() => Call, { description: 'Hangs a live call up, then removes it from lists.' })
  async deleteCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Call> {
    return toGraphqlCall(await ctx.services.calls.delete(ctx.customerId, id));
  }

  @FieldResolver(() => Call, { nullable: true })
  async masterCall(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    if (!call.masterCallId) return null;
    const master = await ctx.loaders.callById.load(call.masterCallId);
    return master ? toGraphqlCall(master) : null;
  }

  @FieldResolver(() => [CallEvent], { description: "The call's events so far, in order (call_created first)." })
  async events(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<CallEvent[]> {
    return (await ctx.loaders.eventsByCall.load(call.id)).map(toGraphqlCallEvent);
  }

  @FieldResolver(() => [Call])
  async chainedCalls(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Call[]> {
    return (await ctx.loaders.chainedByMaster.load(call.id)).map(toGraphqlCall);
  }
}
