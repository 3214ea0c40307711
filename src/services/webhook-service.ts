import { randomBytes, randomUUID } from 'node:crypto';
import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import { parseWebhookEvents, parseWebhookStatus, type WebhookStatus } from '../domain/webhook';
import { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../persistence/database';
import { parseId } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';
import { checkWebhookTarget } from './webhook-target';

export interface Webhook {
  id: string;
  customerId: string;
  name: string;
  url: string;
  /** Empty: every event. */
  events: string[];
  status: WebhookStatus;
  tmCreate: Date;
  tmUpdate: Date;
}

export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  resourceType: string;
  resourceId: string;
  sequence: number;
  status: string;
  httpCode: number | null;
  attempts: number;
  error: string;
  tmLastAttempt: Date | null;
  tmCreate: Date;
}

export interface WebhookInput {
  name?: unknown;
  url?: unknown;
  events?: unknown;
  status?: unknown;
  secret?: unknown;
}

const MAX_NAME = 255;
const MAX_SECRET = 255;
const MIN_SECRET = 16;
const SELECT = { id: true, customerId: true, name: true, url: true, events: true, status: true, tmCreate: true, tmUpdate: true } as const;

const generateSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;

function parseSecret(value: unknown): string {
  if (value === undefined || value === null) return generateSecret();
  if (typeof value !== 'string' || value.length < MIN_SECRET || value.length > MAX_SECRET || /[^\x21-\x7e]/.test(value)) {
    throw invalidArgument('secret', `must be ${MIN_SECRET} to ${MAX_SECRET} printable ASCII characters without spaces`);
  }
  return value;
}

function parseMethod(value: unknown, fallback: string): string {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (CUSTOMER_WEBHOOK_METHODS as readonly string[]).includes(value)) return value;
  throw invalidArgument('webhook_method', `must be one of ${CUSTOMER_WEBHOOK_METHODS.join(', ')}`);
}

function parseEventId(value: unknown): bigint | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) throw invalidArgument('page_token', 'must be the event_id of the last delivery of the previous page');
  return BigInt(value);
}

/** VoIPBIN's customer.webhook_method; '' (with no URI) is "none". */
export const CUSTOMER_WEBHOOK_METHODS = ['POST', 'GET', 'PUT', 'DELETE'] as const;

/** A customer's own webhook (VoIPBIN's customer.webhook_uri), as the customer routes show it. */
export interface CustomerWebhook {
  uri: string;
  method: string;
}

export interface WebhookServiceOptions {
  /** WEBHOOK_ALLOW_PRIVATE_TARGETS: URLs may point at private, loopback and link-local hosts. */
  allowPrivateTargets: boolean;
}

/** A customer's webhook endpoints and their delivery history. The secret is shown at creation only. */
export function createWebhookService(prisma: PrismaClient, options: WebhookServiceOptions) {
  // The customer's webhook_uri is a webhook row too (one delivery path), managed through the
  // customer routes only: /v1.0/webhooks neither lists nor changes it.
  async function owned(customerId: string, id: unknown): Promise<Webhook> {
    const webhook = await prisma.webhook.findFirst({ where: { id: parseId(id, 'id'), customerId, customerManaged: false, tmDelete: null }, select: SELECT });
    if (!webhook) throw new AppError('WEBHOOK_NOT_FOUND', 'The webhook was not found.');
    return webhook as Webhook;
  }

  /** The statements that stop a webhook: it is deleted and its pending deliveries canceled. */
  const retirement = (webhookId: string) => [
    prisma.webhook.update({ where: { id: webhookId }, data: { tmDelete: new Date() } }),
    prisma.webhookDelivery.updateMany({ where: { webhookId, status: 'pending' }, data: { status: 'canceled', error: 'the webhook was deleted' } }),
  ];
  const retire = async (webhookId: string): Promise<void> => {
    await prisma.$transaction(retirement(webhookId));
  };

  return {
    async create(customerId: string, input: WebhookInput): Promise<{ webhook: Webhook; secret: string }> {
      const name = parseText(input.name, 'name', MAX_NAME);
      const events = parseWebhookEvents(input.events);
      const status = input.status === undefined || input.status === null ? 'active' : parseWebhookStatus(input.status);
      const secret = parseSecret(input.secret);
      const url = await checkWebhookTarget(input.url, options.allowPrivateTargets);
      const now = new Date(); // millisecond precision, so a page token (a Date) sorts rows exactly
      const webhook = await prisma.webhook.create({ data: { id: randomUUID(), customerId, name, url, events, status, secret, tmCreate: now, tmUpdate: now }, select: SELECT });
      return { webhook: webhook as Webhook, secret };
    },

    list: async (customerId: string, page: { pageSize: number; after?: PageCursor | undefined }): Promise<Webhook[]> =>
      (await prisma.webhook.findMany({ where: { customerId, customerManaged: false, tmDelete: null, ...olderThan(page.after) }, select: SELECT, orderBy: NEWEST_FIRST, take: page.pageSize })) as Webhook[],

    get: owned,

    /** Changes the fields given; a new URL is checked as at creation. */
    async update(customerId: string, id: unknown, input: WebhookInput): Promise<Webhook> {
      const webhook = await owned(customerId, id);
      const data: Record<string, unknown> = { tmUpdate: new Date() };
      if (input.name !== undefined) data.name = parseText(input.name, 'name', MAX_NAME);
      if (input.events !== undefined) data.events = parseWebhookEvents(input.events);
      if (input.status !== undefined) data.status = parseWebhookStatus(input.status);
      if (input.secret !== undefined) data.secret = parseSecret(input.secret);
      if (input.url !== undefined) data.url = await checkWebhookTarget(input.url, options.allowPrivateTargets);
      return (await prisma.webhook.update({ where: { id: webhook.id }, data, select: SELECT })) as Webhook;
    },

    /** Stops deliveries from now on; ones still pending are canceled (the webhook and its history then answer 404). */
    async delete(customerId: string, id: unknown): Promise<Webhook> {
      const webhook = await owned(customerId, id);
      await retire(webhook.id);
      return webhook;
    },

    /** The customers' own webhooks (webhook_uri and webhook_method), by customer. */
    async customerWebhooks(customerIds: readonly string[]): Promise<Map<string, CustomerWebhook>> {
      const rows = await prisma.webhook.findMany({ where: { customerId: { in: [...customerIds] }, customerManaged: true, tmDelete: null }, select: { customerId: true, url: true, method: true } });
      return new Map(rows.map((row) => [row.customerId, { uri: row.url, method: row.method }]));
    },

    /** Refuses a bad webhook_uri / webhook_method before anything is made with them. */
    async checkCustomerWebhook(input: { uri?: unknown; method?: unknown }): Promise<void> {
      parseMethod(input.method, 'POST');
      if (input.uri !== undefined && input.uri !== '') await checkWebhookTarget(input.uri, options.allowPrivateTargets, 'webhook_uri');
    },

    /**
     * Sets the customer's webhook_uri / webhook_method (VoIPBIN's way): '' removes it; a new one
     * gets every event, signed with a fresh secret, which is answered this once. The fields not
     * given keep their value.
     */
    async setCustomerWebhook(customerId: string, input: { uri?: unknown; method?: unknown }): Promise<{ secret?: string }> {
      const current = await prisma.webhook.findFirst({ where: { customerId, customerManaged: true, tmDelete: null }, select: { id: true, url: true, method: true } });
      if (input.uri === undefined && input.method === undefined) return {};
      const method = parseMethod(input.method, current?.method ?? 'POST');
      if (input.uri === '' || (input.uri === undefined && !current)) {
        if (current) await retire(current.id);
        return {};
      }
      const url = input.uri === undefined ? current!.url : await checkWebhookTarget(input.uri, options.allowPrivateTargets, 'webhook_uri');
      if (current && current.url === url) {
        await prisma.webhook.update({ where: { id: current.id }, data: { method, tmUpdate: new Date() } });
        return {};
      }
      // The old one goes and the new one comes in one transaction; of two changes racing, the
      // partial unique index (one live customer webhook) lets one win and the other gets 409.
      const secret = generateSecret();
      const create = prisma.webhook.create({ data: { id: randomUUID(), customerId, name: 'customer webhook_uri', url, method, events: [], status: 'active', secret, customerManaged: true } });
      try {
        await prisma.$transaction([...(current ? retirement(current.id) : []), create]);
      } catch (error) {
        if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === 'P2002' || error.code === 'P2025')) {
          throw new AppError('CONCURRENT_CHANGE', "The customer's webhook_uri was changed at the same time; read it and try again.", 'webhook_uri');
        }
        throw error;
      }
      return { secret };
    },

    /** The webhook's deliveries, newest event first; `beforeEventId` pages on (the last item's `eventId`). */
    async deliveries(customerId: string, id: unknown, page: { pageSize: number; beforeEventId?: unknown }): Promise<WebhookDelivery[]> {
      const webhook = await owned(customerId, id);
      const before = parseEventId(page.beforeEventId);
      const rows = await prisma.webhookDelivery.findMany({
        where: { webhookId: webhook.id, ...(before === null ? {} : { eventId: { lt: before } }) },
        orderBy: { eventId: 'desc' },
        take: page.pageSize,
      });
      return rows.map((row) => ({
        id: row.id,
        webhookId: row.webhookId,
        eventId: row.eventId.toString(),
        eventType: row.eventType,
        resourceType: row.resourceType,
        resourceId: row.resourceId,
        sequence: row.sequence,
        status: row.status,
        httpCode: row.httpCode,
        attempts: row.attempts,
        error: row.error,
        tmLastAttempt: row.tmLastAttempt,
        tmCreate: row.tmCreate,
      }));
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
