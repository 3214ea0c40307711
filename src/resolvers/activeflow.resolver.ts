import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Activeflow } from '../schema/activeflow.type';
import { Call } from '../schema/call.type';
import { toGraphqlActiveflow } from './activeflow.mapper';
import { toGraphqlCall } from './call.mapper';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';

@Resolver(() => Activeflow)
export class ActiveflowResolver {
  @Query(() => Activeflow, { nullable: true, description: 'One of your activeflows; null when there is no such activeflow of yours.' })
  async activeflow(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Activeflow | null> {
    const flow = await nullWhenNotFound(ctx.services.activeflows.get(ctx.customerId, id));
    return flow ? toGraphqlActiveflow(flow) : null;
  }

  @Mutation(() => Activeflow, { description: 'Stops a flow where it is; as at every end of a flow, its call is hung up.' })
  async stopActiveflow(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Activeflow> {
    return toGraphqlActiveflow(await ctx.services.activeflows.stop(ctx.customerId, id));
  }

  @FieldResolver(() => Call, { nullable: true, description: 'The call the flow runs on.' })
  async call(@Root() flow: Activeflow, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    const call = await ctx.loaders.callById.load(flow.callId);
    return call ? toGraphqlCall(call) : null;
  }
}

/** Call.activeflow, batched per request. */
@Resolver(() => Call)
export class CallActiveflowResolver {
  @FieldResolver(() => Activeflow, { nullable: true, description: "The execution of the call's flow; null before it starts or without a flow." })
  async activeflow(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Activeflow | null> {
    const flow = await ctx.loaders.activeflowByCall.load(call.id);
    return flow ? toGraphqlActiveflow(flow) : null;
  }
}
