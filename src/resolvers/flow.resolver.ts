import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Flow as DomainFlow, FlowInput } from '../services/flow-service';
import { CreateFlowInput, UpdateFlowInput } from '../schema/flow.input';
import { Flow, FlowConnection } from '../schema/flow.type';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { connectionOf, cursorOfDate, dateCursorOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';

@ArgsType()
class FlowsArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

const toGraphql = (flow: DomainFlow): Flow => ({
  id: flow.id,
  type: flow.type,
  name: flow.name,
  detail: flow.detail,
  actions: flow.actions.map((action) => {
    const { id, type, option } = action as { id: string; type: string; option?: Record<string, unknown> | null };
    return { id, type, option: option ?? {} };
  }),
  onCompleteFlowId: flow.onCompleteFlowId,
  createdAt: flow.tmCreate,
  updatedAt: flow.tmUpdate,
});

/** GraphQL leaves a field out when it is not given; null clears on_complete_flow_id. */
const inputOf = (input: CreateFlowInput): FlowInput => ({ name: input.name, detail: input.detail, actions: input.actions, onCompleteFlowId: input.onCompleteFlowId });

@Resolver(() => Flow)
export class FlowResolver {
  @Query(() => Flow, { nullable: true, description: 'One of your flows; null when there is no such flow of yours.' })
  async flow(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Flow | null> {
    const flow = await nullWhenNotFound(ctx.services.flows.get(ctx.customerId, id));
    return flow ? toGraphql(flow) : null;
  }

  @Query(() => FlowConnection, { description: "Your saved flows, newest first (calls' temporary flows are left out)." })
  async flows(@Args(() => FlowsArgs) args: FlowsArgs, @Ctx() ctx: GraphqlContext): Promise<FlowConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.flows.list(ctx.customerId, { pageSize, after: dateCursorOf(after) });
    return connectionOf(page, page.map(cursorOfDate), pageSize, toGraphql);
  }

  @Mutation(() => Flow)
  async createFlow(@Arg('input', () => CreateFlowInput) input: CreateFlowInput, @Ctx() ctx: GraphqlContext): Promise<Flow> {
    return toGraphql(await ctx.services.flows.create(ctx.customerId, inputOf(input)));
  }

  @Mutation(() => Flow)
  async updateFlow(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateFlowInput) input: UpdateFlowInput, @Ctx() ctx: GraphqlContext): Promise<Flow> {
    return toGraphql(await ctx.services.flows.update(ctx.customerId, id, inputOf(input)));
  }

  @Mutation(() => Flow, { description: 'Removes the flow from lists; calls that ran it keep their flowId.' })
  async deleteFlow(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Flow> {
    return toGraphql(await ctx.services.flows.delete(ctx.customerId, id));
  }
}
