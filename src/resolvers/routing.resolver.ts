import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MAX_PAGE_SIZE } from '../domain/paging';
import type { Provider as DomainProvider, ProviderInput as ServiceProviderInput, Route as DomainRoute, RouteInput as ServiceRouteInput } from '../services/routing-service';
import { Provider, ProviderInput, Route, RouteInput } from '../schema/routing.type';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { ZERO_UUID } from '../services/ids';

const toProvider = (provider: DomainProvider): Provider => ({
  id: provider.id,
  name: provider.name,
  detail: provider.detail,
  endpoint: provider.endpoint,
  hostname: provider.hostname,
  techPrefix: provider.techPrefix,
  techPostfix: provider.techPostfix,
  techHeaders: provider.techHeaders,
  codecs: provider.codecs,
  createdAt: provider.tmCreate,
  updatedAt: provider.tmUpdate,
});

const toRoute = (route: DomainRoute): Route => ({
  id: route.id,
  customerId: route.customerId,
  name: route.name,
  detail: route.detail,
  providerId: route.providerId,
  priority: route.priority,
  target: route.target,
  createdAt: route.tmCreate,
  updatedAt: route.tmUpdate,
});

/** The service reads absent fields as "unchanged"; GraphQL's null means the same here. */
const given = <T>(value: T | null | undefined): T | undefined => (value === null ? undefined : value);

const providerInput = (input: ProviderInput): ServiceProviderInput => ({
  name: given(input.name),
  detail: given(input.detail),
  endpoint: given(input.endpoint),
  hostname: given(input.hostname),
  tech_prefix: given(input.techPrefix),
  tech_postfix: given(input.techPostfix),
  tech_headers: given(input.techHeaders),
  codecs: given(input.codecs),
});

const routeInput = (input: RouteInput): ServiceRouteInput => ({
  customer_id: given(input.customerId),
  provider_id: given(input.providerId),
  target: given(input.target),
  priority: given(input.priority),
  name: given(input.name),
  detail: given(input.detail),
});

/** Providers and routes: the platform administrator's; other customers get FORBIDDEN. */
@Resolver()
export class RoutingResolver {
  @Query(() => [Provider], { description: `Providers, newest first (the newest ${MAX_PAGE_SIZE}).` })
  async providers(@Ctx() ctx: GraphqlContext): Promise<Provider[]> {
    return (await ctx.services.routing.listProviders(ctx.customerId, { pageSize: MAX_PAGE_SIZE })).map(toProvider);
  }

  @Query(() => Provider, { nullable: true })
  async provider(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Provider | null> {
    const found = await nullWhenNotFound(ctx.services.routing.getProvider(ctx.customerId, id));
    return found ? toProvider(found) : null;
  }

  @Mutation(() => Provider)
  async createProvider(@Arg('input', () => ProviderInput) input: ProviderInput, @Ctx() ctx: GraphqlContext): Promise<Provider> {
    return toProvider(await ctx.services.routing.createProvider(ctx.customerId, providerInput(input)));
  }

  @Mutation(() => Provider)
  async updateProvider(@Arg('id', () => ID) id: string, @Arg('input', () => ProviderInput) input: ProviderInput, @Ctx() ctx: GraphqlContext): Promise<Provider> {
    return toProvider(await ctx.services.routing.updateProvider(ctx.customerId, id, providerInput(input)));
  }

  @Mutation(() => Provider, { description: 'FAILED_PRECONDITION (PROVIDER_IN_USE) while routes use it.' })
  async deleteProvider(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Provider> {
    return toProvider(await ctx.services.routing.deleteProvider(ctx.customerId, id));
  }

  @Query(() => [Route], {
    description: `Routes, newest first (the newest ${MAX_PAGE_SIZE}); customerId: that customer's only ("" or the all-zero UUID: the default ones, as REST's ?customer_id= reads it), defaultOnly: the default ones.`,
  })
  async routes(
    @Ctx() ctx: GraphqlContext,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string | null,
    @Arg('defaultOnly', () => Boolean, { nullable: true }) defaultOnly?: boolean | null,
  ): Promise<Route[]> {
    // customerId is read as REST's ?customer_id= is (the service's one reading): "" is the default routes, not all of them.
    const filter = defaultOnly ? { customerId: ZERO_UUID } : customerId === undefined || customerId === null ? {} : { customerId };
    return (await ctx.services.routing.listRoutes(ctx.customerId, { pageSize: MAX_PAGE_SIZE, ...filter })).map(toRoute);
  }

  @Query(() => Route, { nullable: true })
  async route(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Route | null> {
    const found = await nullWhenNotFound(ctx.services.routing.getRoute(ctx.customerId, id));
    return found ? toRoute(found) : null;
  }

  @Mutation(() => Route)
  async createRoute(@Arg('input', () => RouteInput) input: RouteInput, @Ctx() ctx: GraphqlContext): Promise<Route> {
    return toRoute(await ctx.services.routing.createRoute(ctx.customerId, routeInput(input)));
  }

  @Mutation(() => Route)
  async updateRoute(@Arg('id', () => ID) id: string, @Arg('input', () => RouteInput) input: RouteInput, @Ctx() ctx: GraphqlContext): Promise<Route> {
    return toRoute(await ctx.services.routing.updateRoute(ctx.customerId, id, routeInput(input)));
  }

  @Mutation(() => Route)
  async deleteRoute(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Route> {
    return toRoute(await ctx.services.routing.deleteRoute(ctx.customerId, id));
  }
}
