import { Arg, Args, ArgsType, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { PhoneNumber as DomainNumber } from '../services/number-service';
import { CreatePhoneNumberInput, PhoneNumber, PhoneNumberConnection, UpdatePhoneNumberInput } from '../schema/phone-number.type';
import type { GraphqlContext } from './context';
import { nullWhenNotFound } from './null-when-not-found';
import { connectionOf, cursorOfDate, dateCursorOf, pageArgsOf, PAGE_SIZE_DESCRIPTION } from './paging';

@ArgsType()
class NumbersArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

const toGraphql = (number: DomainNumber): PhoneNumber => ({
  id: number.id,
  number: number.number,
  callFlowId: number.callFlowId,
  name: number.name,
  detail: number.detail,
  status: number.status,
  createdAt: number.tmCreate,
  updatedAt: number.tmUpdate,
});

@Resolver(() => PhoneNumber)
export class PhoneNumberResolver {
  @Query(() => PhoneNumber, { nullable: true, description: 'One of your numbers; null when there is no such number of yours.' })
  async number(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<PhoneNumber | null> {
    const number = await nullWhenNotFound(ctx.services.numbers.get(ctx.customerId, id));
    return number ? toGraphql(number) : null;
  }

  @Query(() => PhoneNumberConnection, { description: 'Your numbers, newest first (deleted ones left out).' })
  async numbers(@Args(() => NumbersArgs) args: NumbersArgs, @Ctx() ctx: GraphqlContext): Promise<PhoneNumberConnection> {
    const { pageSize, after } = pageArgsOf(args);
    const page = await ctx.services.numbers.list(ctx.customerId, { pageSize, after: dateCursorOf(after) });
    return connectionOf(page, page.map(cursorOfDate), pageSize, toGraphql);
  }

  @Mutation(() => PhoneNumber, { description: 'Registers a number; ALREADY_EXISTS when another customer (or you) holds it.' })
  async createNumber(@Arg('input', () => CreatePhoneNumberInput) input: CreatePhoneNumberInput, @Ctx() ctx: GraphqlContext): Promise<PhoneNumber> {
    return toGraphql(await ctx.services.numbers.create(ctx.customerId, input));
  }

  @Mutation(() => PhoneNumber)
  async updateNumber(@Arg('id', () => ID) id: string, @Arg('input', () => UpdatePhoneNumberInput) input: UpdatePhoneNumberInput, @Ctx() ctx: GraphqlContext): Promise<PhoneNumber> {
    return toGraphql(await ctx.services.numbers.update(ctx.customerId, id, input));
  }

  @Mutation(() => PhoneNumber, { description: 'Releases the number; another customer may register it afterwards.' })
  async deleteNumber(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphqlContext): Promise<PhoneNumber> {
    return toGraphql(await ctx.services.numbers.delete(ctx.customerId, id));
  }
}
