import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AccessKey as DomainAccessKey } from '../services/access-key-service';
import { AccessKey, CreateAccessKeyInput, CreatedAccessKey } from '../schema/access-key.type';
import type { GraphqlContext } from './context';
import { MAX_PAGE_SIZE } from '../domain/paging';

const toGraphql = (key: DomainAccessKey): AccessKey => ({ id: key.id, name: key.name, createdAt: key.tmCreate, expiresAt: key.tmExpire });

@Resolver(() => AccessKey)
export class AccessKeyResolver {
  @Query(() => [AccessKey], { description: `Your access keys, newest first (the newest ${MAX_PAGE_SIZE}; deleted ones left out).` })
  async accessKeys(@Ctx() ctx: GraphqlContext): Promise<AccessKey[]> {
    return (await ctx.services.accessKeys.list(ctx.customerId, { pageSize: MAX_PAGE_SIZE })).map(toGraphql);
  }

  @Mutation(() => CreatedAccessKey)
  async createAccessKey(@Arg('input', () => CreateAccessKeyInput) input: CreateAccessKeyInput, @Ctx() ctx: GraphqlContext): Promise<CreatedAccessKey> {
    const { accessKey, token } = await ctx.services.accessKeys.create(ctx.customerId, { name: input.name, expireSeconds: input.expiresInSeconds });
    return { accessKey: toGraphql(accessKey), token };
  }

  @Mutation(() => AccessKey, { description: 'Stops the key working now; it stays listed.' })
  async expireAccessKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<AccessKey> {
    return toGraphql(await ctx.services.accessKeys.expire(ctx.customerId, id));
  }

  @Mutation(() => AccessKey)
  async deleteAccessKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<AccessKey> {
    return toGraphql(await ctx.services.accessKeys.delete(ctx.customerId, id));
  }
}
