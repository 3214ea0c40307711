import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import type { PrismaClient } from '../persistence/database';
import type { AuthService } from './auth-service';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface Customer {
  id: string;
  name: string;
  isAdmin: boolean;
  tmCreate: Date;
  tmDelete: Date | null;
}

const SELECT = { id: true, name: true, isAdmin: true, tmCreate: true, tmDelete: true } as const;
const MAX_NAME = 255;

/** The platform administrator's routes: customers and their first access key. */
export function createCustomerService(prisma: PrismaClient, auth: Pick<AuthService, 'createCustomer'>) {
  async function assertAdmin(actorId: string): Promise<void> {
    const actor = await prisma.customer.findUnique({ where: { id: actorId }, select: { isAdmin: true } });
    if (!actor?.isAdmin) throw new AppError('PERMISSION_DENIED', 'Only the platform administrator may manage customers.');
  }

  async function find(id: unknown): Promise<Customer> {
    const customer = await prisma.customer.findFirst({ where: { id: parseId(id, 'id'), tmDelete: null }, select: SELECT });
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND', 'The customer was not found.');
    return customer;
  }

  return {
    /** A new customer and its first access key, whose token is shown this once. */
    async create(actorId: string, input: { name?: unknown }): Promise<{ customer: Customer; token: string }> {
      await assertAdmin(actorId);
      const name = parseText(input.name, 'name', MAX_NAME);
      if (name.trim() === '') throw invalidArgument('name', `is required: text of at most ${MAX_NAME} characters`);
      const { customerId, token } = await auth.createCustomer(name);
      return { customer: await find(customerId), token };
    },

    async list(actorId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<Customer[]> {
      await assertAdmin(actorId);
      return prisma.customer.findMany({ where: { tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize });
    },

    async get(actorId: string, id: unknown): Promise<Customer> {
      await assertAdmin(actorId);
      return find(id);
    },

    /** Deleting a customer stops every one of its keys at once; the administrator cannot delete itself. */
    async delete(actorId: string, id: unknown): Promise<Customer> {
      await assertAdmin(actorId);
      const customer = await find(id);
      if (customer.id === actorId) throw new AppError('CUSTOMER_IS_YOURS', 'The administrator cannot delete its own customer.');
      return prisma.customer.update({ where: { id: customer.id }, data: { tmDelete: new Date() }, select: SELECT });
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
