import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Customer as DomainCustomer } from '../services/customer-service';
import { CreateCustomerInput, CreatedCustomer, Customer } from '../schema/customer.type';
import type { GraphqlContext } from './context';
import { MAX_PAGE_SIZE } from '../domain/paging';

const toGraphql = (customer: DomainCustomer): Customer => ({ id: customer.id, name: customer.name, isAdmin: customer.isAdmin, createdAt: customer.tmCreate });

/** Administrator operations; other customers get FORBIDDEN. */
@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => [Customer], { description: `Customers, newest first (the newest ${MAX_PAGE_SIZE}).` })
  async customers(@Ctx() ctx: GraphqlContext): Promise<Customer[]> {
    return (await ctx.services.customers.list(ctx.customerId, { pageSize: MAX_PAGE_SIZE })).map(toGraphql);
  }

  @Mutation(() => CreatedCustomer)
  async createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: GraphqlContext): Promise<CreatedCustomer> {
    const { customer, token } = await ctx.services.customers.create(ctx.customerId, input);
    return { customer: toGraphql(customer), token };
  }

  @Mutation(() => Customer)
  async deleteCustomer(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<Customer> {
    return toGraphql(await ctx.services.customers.delete(ctx.customerId, id));
  }
}
