import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Webhook as DomainWebhook, WebhookInput } from '../services/webhook-service';
import { WebhookDelivery } from '../schema/webhook-delivery.type';
import { CreateWebhookInput, UpdateWebhookInput } from '../schema/webhook.input';
import { CreatedWebhook, Webhook } from '../schema/webhook.type';
import type { WebhookStatusEnum } from '../schema/webhook-status.enum';
import type { GraphqlContext } from './context';
import { MAX_PAGE_SIZE, pageSizeOf } from '../domain/paging';
import { PAGE_SIZE_DESCRIPTION } from './paging';
import { nullWhenNotFound } from './null-when-not-found';

const toGraphql = (webhook: DomainWebhook): Webhook => ({
  id: webhook.id,
  name: webhook.name,
  url: webhook.url,
  events: webhook.events.length ? webhook.events : ['*'],
  status: webhook.status as WebhookStatusEnum,
  createdAt: webhook.tmCreate,
  updatedAt: webhook.tmUpdate,
});

/** GraphQL leaves a field it was not given undefined; null means the same here (keep it). */
const inputOf = (input: CreateWebhookInput | UpdateWebhookInput): WebhookInput => {
  const keep = <T>(value: T | null | undefined) => (value === null ? undefined : value);
  return { url: keep(input.url), name: keep(input.name), events: keep(input.events), status: keep(input.status), secret: keep(input.secret) };
};

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => [Webhook], { description: `Your webhooks, newest first (the newest ${MAX_PAGE_SIZE}).` })
  async webhooks(@Ctx() ctx: GraphqlContext): Promise<Webhook[]> {
    return (await ctx.services.webhooks.list(ctx.customerId, { pageSize: MAX_PAGE_SIZE })).map(toGraphql);
  }

  @Query(() => Webhook, { nullable: true, description: 'One of your webhooks; null when there is no such webhook of yours.' })
  async webhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Webhook | null> {
    const webhook = await nullWhenNotFound(ctx.services.webhooks.get(ctx.customerId, id));
    return webhook ? toGraphql(webhook) : null;
  }

  @Query(() => [WebhookDelivery], { description: "A webhook's deliveries, newest event first." })
  async webhookDeliveries(
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('first', () => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION }) first: number | null,
    @Arg('beforeEventId', () => ID, { nullable: true, description: 'The next page: the eventId of the last delivery of this one.' }) beforeEventId: string | null,
    @Ctx() ctx: GraphqlContext,
  ): Promise<WebhookDelivery[]> {
    const deliveries = await ctx.services.webhooks.deliveries(ctx.customerId, webhookId, { pageSize: pageSizeOf(first, 'first'), beforeEventId });
    return deliveries.map(({ tmLastAttempt, tmCreate, ...rest }) => ({ ...rest, lastAttemptAt: tmLastAttempt, createdAt: tmCreate }));
  }

  @Mutation(() => CreatedWebhook)
  async createWebhook(@Arg('input', () => CreateWebhookInput) input: CreateWebhookInput, @Ctx() ctx: GraphqlContext): Promise<CreatedWebhook> {
    const { webhook, secret } = await ctx.services.webhooks.create(ctx.customerId, inputOf(input));
    return { webhook: toGraphql(webhook), secret };
  }

  @Mutation(() => Webhook)
  async updateWebhook(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput, @Ctx() ctx: GraphqlContext): Promise<Webhook> {
    return toGraphql(await ctx.services.webhooks.update(ctx.customerId, id, inputOf(input)));
  }

  @Mutation(() => Webhook, { description: 'Stops its deliveries; pending ones are canceled.' })
  async deleteWebhook(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Webhook> {
    return toGraphql(await ctx.services.webhooks.delete(ctx.customerId, id));
  }
}
