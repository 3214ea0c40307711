import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { FINAL_TRANSFER_EVENTS } from '../domain/transfer';
import type { EventRecord } from '../events/event-record';
import { openEventStream } from '../events/event-stream';
import { Call } from '../schema/call.type';
import { Groupcall } from '../schema/groupcall.type';
import { TransferCallInput } from '../schema/transfer-call.input';
import { Transfer, TransferConnection, TransferEvent } from '../schema/transfer.type';
import { toGraphqlCall } from './call.mapper';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { groupcallById } from './groupcall-loaders';
import { toGraphqlGroupcall } from './groupcall.mapper';
import { connectionOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';
import { toGraphqlTransfer, toGraphqlTransferEvent } from './transfer.mapper';
import { transfersOfCall } from './transfer-loaders';

@ArgsType()
class TransfersArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

/** The transfer's events: the past ones first, then live, completing after its one final event. */
async function subscribeToTransferEvents({ args, context }: { args: { transferId: string }; context: GraphqlContext }) {
  const { services, customerId } = context;
  const transfer = await services.transfers.get(customerId, args.transferId);
  return openEventStream({
    bus: services.bus,
    customerId,
    accept: (event: EventRecord) => event.resourceId === transfer.id,
    replay: () => services.events.history(customerId, transfer.id),
    isLast: (event) => FINAL_TRANSFER_EVENTS.includes(event.type),
  });
}

const callOf = async (ctx: GraphqlContext, id: string | null): Promise<Call | null> => {
  const call = id ? await ctx.loaders.callById.load(id) : null;
  return call ? toGraphqlCall(call) : null;
};

@Resolver(() => Transfer)
export class TransferResolver {
  @Query(() => Transfer, { nullable: true, description: 'One of your transfers; null when there is no such transfer of yours.' })
  async transfer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Transfer | null> {
    const transfer = await nullWhenNotFound(ctx.services.transfers.get(ctx.customerId, id));
    return transfer ? toGraphqlTransfer(transfer) : null;
  }

  @Query(() => TransferConnection, { description: 'Your transfers, newest first.' })
  async transfers(@Args(() => TransfersArgs) args: TransfersArgs, @Ctx() ctx: GraphqlContext): Promise<TransferConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.transfers.list(ctx.customerId, { pageSize, after });
    return connectionOf(page.transfers, page.cursors, pageSize, toGraphqlTransfer);
  }

  @Mutation(() => Transfer, {
    description:
      'Hands over the caller bridged with this call (its master, e.g. after a connect) to a transferee. A repeated idempotencyKey answers the first transfer instead of starting another.',
  })
  async transferCall(
    @Arg('callId', () => ID, { description: "The transferer's call: answered and chained to an answered caller." }) callId: string,
    @Arg('input', () => TransferCallInput) input: TransferCallInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: 'As REST\'s Idempotency-Key header: 1 to 255 characters.' }) idempotencyKey: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<Transfer> {
    return toGraphqlTransfer(await ctx.services.transfers.start(ctx.customerId, callId, input, idempotencyKey ?? null));
  }

  @Mutation(() => Transfer, { description: 'Attended: bridges caller and transferee (before the answer the transfer goes on as a blind one).' })
  async completeTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Transfer> {
    return toGraphqlTransfer(await ctx.services.transfers.complete(ctx.customerId, id));
  }

  @Mutation(() => Transfer, { description: 'Ends the transferee leg; an attended transfer puts caller and transferer back together.' })
  async cancelTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Transfer> {
    return toGraphqlTransfer(await ctx.services.transfers.cancel(ctx.customerId, id));
  }

  @FieldResolver(() => Call, { nullable: true, description: 'The call that asked for the transfer.' })
  transfererCall(@Root() transfer: Transfer, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    return callOf(ctx, transfer.transfererCallId);
  }

  @FieldResolver(() => Call, { nullable: true, description: 'The call being handed over.' })
  callerCall(@Root() transfer: Transfer, @Ctx() ctx: GraphqlContext): Promise<Call | null> {
    return callOf(ctx, transfer.callerCallId);
  }

  @FieldResolver(() => [Call], { description: 'The transferee calls dialled so far: the one consult call, or every leg of the groupcall (a linear one dials in turn).' })
  async consultCalls(@Root() transfer: Transfer, @Ctx() ctx: GraphqlContext): Promise<Call[]> {
    const calls = await Promise.all(transfer.consultCallIds.map((id) => callOf(ctx, id)));
    return calls.filter((call): call is Call => call !== null);
  }

  @FieldResolver(() => Groupcall, { nullable: true, description: 'The groupcall several transferees ring as (null for one, and until it is dialled).' })
  async groupcall(@Root() transfer: Transfer, @Ctx() ctx: GraphqlContext): Promise<Groupcall | null> {
    const groupcall = transfer.groupcallId ? await groupcallById(ctx).load(transfer.groupcallId) : null;
    return groupcall ? toGraphqlGroupcall(groupcall) : null;
  }

  @Subscription(() => TransferEvent, {
    subscribe: subscribeToTransferEvents,
    description: "A transfer's events (past ones first), completing after its final one (transfer_completed, transfer_cancelled or transfer_failed).",
  })
  transferEvents(@Root() event: EventRecord, @Arg('transferId', () => ID) _transferId: string): TransferEvent {
    return toGraphqlTransferEvent(event);
  }
}

@Resolver(() => Call)
export class CallTransfersResolver {
  @FieldResolver(() => [Transfer], { description: 'The transfers this call takes part in (as transferer, caller or consult call), oldest first.' })
  async transfers(@Root() call: Call, @Ctx() ctx: GraphqlContext): Promise<Transfer[]> {
    return (await transfersOfCall(ctx).load(call.id)).map(toGraphqlTransfer);
  }
}
