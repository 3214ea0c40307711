import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import { assertPlatformAdmin } from './platform-admin';
import type { PrismaClient } from '../persistence/database';
import type { AuthService } from './auth-service';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';
import type { CustomerWebhook, WebhookService } from './webhook-service';

export interface Customer {
  id: string;
  name: string;
  detail: string;
  email: string;
  phoneNumber: string;
  address: string;
  isAdmin: boolean;
  /** VoIPBIN's webhook_uri / webhook_method: null when the customer has none. */
  webhook: CustomerWebhook | null;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

/** VoIPBIN's customer fields (snake_case as clients send them); the fields given change. */
export interface CustomerInput {
  name?: unknown;
  detail?: unknown;
  email?: unknown;
  phone_number?: unknown;
  address?: unknown;
  webhook_uri?: unknown;
  webhook_method?: unknown;
}

/** A change of the customer, and the secret of a webhook_uri it set (shown this once). */
export interface CustomerChange {
  customer: Customer;
  webhookSecret?: string;
}

const SELECT = { id: true, name: true, detail: true, email: true, phoneNumber: true, address: true, isAdmin: true, tmCreate: true, tmUpdate: true, tmDelete: true } as const;
const MAX_NAME = 255;
const MAX_TEXT = 2000;

function contactFields(input: CustomerInput) {
  const text = (value: unknown, field: string) => (value === undefined ? {} : { [field]: parseText(value, field === 'phoneNumber' ? 'phone_number' : field, MAX_TEXT) });
  return { ...text(input.detail, 'detail'), ...text(input.email, 'email'), ...text(input.phone_number, 'phoneNumber'), ...text(input.address, 'address') };
}

function requiredName(value: unknown): string {
  const name = parseText(value, 'name', MAX_NAME);
  if (name.trim() === '') throw invalidArgument('name', `is required: text of at most ${MAX_NAME} characters`);
  return name;
}

/**
 * Customers: the platform administrator's routes for all of them, and each customer's own
 * (VoIPBIN's /customer), with the webhook_uri every event of the customer is delivered to.
 */
export function createCustomerService(prisma: PrismaClient, auth: Pick<AuthService, 'createCustomer' | 'forgetKeys'>, webhooks: Pick<WebhookService, 'customerWebhooks' | 'setCustomerWebhook' | 'checkCustomerWebhook'>) {
  const assertAdmin = (actorId: string) => assertPlatformAdmin(prisma, actorId, 'manage customers');

  async function withWebhooks(rows: Omit<Customer, 'webhook'>[]): Promise<Customer[]> {
    const byCustomer = await webhooks.customerWebhooks(rows.map((row) => row.id));
    return rows.map((row) => ({ ...row, webhook: byCustomer.get(row.id) ?? null }));
  }

  async function find(id: unknown): Promise<Customer> {
    const customer = await prisma.customer.findFirst({ where: { id: parseId(id, 'id'), tmDelete: null }, select: SELECT });
    if (!customer) throw new AppError('CUSTOMER_NOT_FOUND', 'The customer was not found.');
    return (await withWebhooks([customer]))[0]!;
  }

  /** Every field is checked before anything changes; the webhook target is checked last (it resolves DNS). */
  async function change(id: string, input: CustomerInput): Promise<CustomerChange> {
    const data = { ...(input.name === undefined ? {} : { name: requiredName(input.name) }), ...contactFields(input) };
    const { secret } = await webhooks.setCustomerWebhook(id, { uri: input.webhook_uri, method: input.webhook_method });
    await prisma.customer.update({ where: { id }, data: { ...data, tmUpdate: new Date() } });
    return { customer: await find(id), ...(secret ? { webhookSecret: secret } : {}) };
  }

  return {
    /** A new customer and its first access key, whose token is shown this once. */
    async create(actorId: string, input: CustomerInput): Promise<CustomerChange & { token: string }> {
      await assertAdmin(actorId);
      const name = requiredName(input.name);
      contactFields(input);
      await webhooks.checkCustomerWebhook({ uri: input.webhook_uri, method: input.webhook_method });
      const { customerId, token } = await auth.createCustomer(name);
      return { ...(await change(customerId, input)), token };
    },

    async list(actorId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<Customer[]> {
      await assertAdmin(actorId);
      return withWebhooks(await prisma.customer.findMany({ where: { tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize }));
    },

    async get(actorId: string, id: unknown): Promise<Customer> {
      await assertAdmin(actorId);
      return find(id);
    },

    /** The administrator changes any customer. */
    async update(actorId: string, id: unknown, input: CustomerInput): Promise<CustomerChange> {
      await assertAdmin(actorId);
      return change((await find(id)).id, input);
    },

    /** A customer's own record (VoIPBIN's GET /customer). */
    own: (customerId: string): Promise<Customer> => find(customerId),

    /** A customer changes its own record (VoIPBIN's PUT /customer). */
    updateOwn: (customerId: string, input: CustomerInput): Promise<CustomerChange> => change(customerId, input),

    /** Deleting a customer stops every one of its keys at once; the administrator cannot delete itself. */
    async delete(actorId: string, id: unknown): Promise<Customer> {
      await assertAdmin(actorId);
      const customer = await find(id);
      if (customer.id === actorId) throw new AppError('CUSTOMER_IS_YOURS', 'The administrator cannot delete its own customer.');
      const deleted = await prisma.customer.update({ where: { id: customer.id }, data: { tmDelete: new Date(), tmUpdate: new Date() }, select: SELECT });
      auth.forgetKeys(); // its keys stop working at once here
      return { ...deleted, webhook: customer.webhook };
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
