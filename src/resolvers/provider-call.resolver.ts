import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../domain/paging';
import type { ProviderCall as DomainProviderCall } from '../services/provider-call-service';
import { ProviderCall, ProviderCallInput, type ProviderCallAnonymousEnum } from '../schema/provider-call.type';
import type { GraphqlContext } from './context';
import { toGraphqlAddress } from './event.mapper';
import { nullWhenNotFound } from './null-when-not-found';

const toProviderCall = (call: DomainProviderCall): ProviderCall => ({
  id: call.id,
  customerId: call.customerId,
  providerId: call.providerId,
  flowId: call.flowId,
  source: toGraphqlAddress(call.source),
  destinations: call.destinations.map(toGraphqlAddress),
  anonymous: call.anonymous as ProviderCallAnonymousEnum,
  callIds: call.callIds,
  createdAt: call.tmCreate,
  updatedAt: call.tmUpdate,
});

/** Provider calls: the platform administrator's; other customers get PERMISSION_DENIED. */
@Resolver()
export class ProviderCallResolver {
  @Query(() => [ProviderCall], { description: `Provider calls, newest first (the newest ${MAX_PAGE_SIZE}); providerId: that provider's only.` })
  async providerCalls(@Ctx() ctx: GraphqlContext, @Arg('providerId', () => ID, { nullable: true }) providerId?: string | null): Promise<ProviderCall[]> {
    return (await ctx.services.providerCalls.list(ctx.customerId, { pageSize: MAX_PAGE_SIZE, ...(providerId ? { providerId } : {}) })).map(toProviderCall);
  }

  @Query(() => ProviderCall, { nullable: true })
  async providerCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<ProviderCall | null> {
    const found = await nullWhenNotFound(ctx.services.providerCalls.get(ctx.customerId, id));
    return found ? toProviderCall(found) : null;
  }

  @Mutation(() => ProviderCall, { description: 'A test call through one provider, bypassing route selection (no failover); its calls start DIALING.' })
  async createProviderCall(@Arg('input', () => ProviderCallInput) input: ProviderCallInput, @Ctx() ctx: GraphqlContext): Promise<ProviderCall> {
    return toProviderCall(await ctx.services.providerCalls.create(ctx.customerId, input));
  }

  @Mutation(() => ProviderCall, { description: 'Deletes the record; its calls stay.' })
  async deleteProviderCall(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<ProviderCall> {
    return toProviderCall(await ctx.services.providerCalls.delete(ctx.customerId, id));
  }
}
