import { randomUUID } from 'node:crypto';
import { E164, type Address } from '../domain/address';
import { AppError, invalidArgument } from '../domain/errors';
import { parseText } from '../domain/text';
import type { PrismaClient } from '../persistence/database';
import type { FlowService } from './flow-service';
import { isUuid, parseId, ZERO_UUID } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface PhoneNumber {
  id: string;
  customerId: string;
  /** E.164. */
  number: string;
  /** The flow an incoming call to this number runs; null: such calls are rejected. */
  callFlowId: string | null;
  /** Kept for VoIPBIN's clients: the product has no messaging, so nothing runs it. */
  messageFlowId: string | null;
  name: string;
  detail: string;
  status: string;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

export interface NumberInput {
  number?: unknown;
  callFlowId?: unknown;
  messageFlowId?: unknown;
  name?: unknown;
  detail?: unknown;
}

/** Where an incoming call to a number goes: the number's customer and flow. */
export interface IncomingRoute {
  numberId: string;
  customerId: string;
  flowId: string;
}

const MAX_NAME = 255;
const MAX_DETAIL = 2000;
const SELECT = { id: true, customerId: true, number: true, callFlowId: true, messageFlowId: true, name: true, detail: true, status: true, tmCreate: true, tmUpdate: true, tmDelete: true } as const;

/** A customer's phone numbers; a number is held by at most one customer at a time. */
export function createNumberService(prisma: PrismaClient, flows: FlowService) {
  async function owned(customerId: string, id: unknown): Promise<PhoneNumber> {
    const row = await prisma.phoneNumber.findFirst({ where: { id: parseId(id, 'id'), customerId, tmDelete: null }, select: SELECT });
    if (!row) throw new AppError('NUMBER_NOT_FOUND', 'The number was not found.');
    return row;
  }

  async function savedFlow(customerId: string, value: unknown, field: string): Promise<string | null> {
    if (value === undefined || value === null || value === '' || value === ZERO_UUID) return null;
    if (!isUuid(value)) throw invalidArgument(field, 'must be a UUID');
    return (await flows.getSaved(customerId, value, field)).id;
  }
  const callFlow = (customerId: string, value: unknown) => savedFlow(customerId, value, 'call_flow_id');
  const messageFlow = (customerId: string, value: unknown) => savedFlow(customerId, value, 'message_flow_id');

  return {
    get: owned,

    async create(customerId: string, input: NumberInput): Promise<PhoneNumber> {
      const number = input.number;
      if (typeof number !== 'string' || number === '') throw invalidArgument('number', 'is required');
      if (!E164.test(number)) throw invalidArgument('number', "must be an E.164 number: '+' then 7 to 15 digits, e.g. +15551234567");
      const name = parseText(input.name, 'name', MAX_NAME);
      const detail = parseText(input.detail, 'detail', MAX_DETAIL);
      const callFlowId = await callFlow(customerId, input.callFlowId);
      const messageFlowId = await messageFlow(customerId, input.messageFlowId);
      const now = new Date();
      // The partial unique index decides, so two customers racing for a number cannot both win
      // (the loser's unique violation answers ALREADY_EXISTS on every surface).
      return prisma.phoneNumber.create({
        data: { id: randomUUID(), customerId, number, callFlowId, messageFlowId, name, detail, status: 'active', tmCreate: now, tmUpdate: now },
        select: SELECT,
      });
    },

    async list(customerId: string, query: { pageSize: number; after?: PageCursor | undefined }): Promise<PhoneNumber[]> {
      const pageSize = query.pageSize;
      return prisma.phoneNumber.findMany({
        where: { customerId, tmDelete: null, ...olderThan(query.after) },
        orderBy: NEWEST_FIRST,
        take: pageSize,
        select: SELECT,
      });
    },

    /** Changes the fields given (the number itself cannot change: delete it and register another). */
    async update(customerId: string, id: unknown, input: NumberInput): Promise<PhoneNumber> {
      const current = await owned(customerId, id);
      if (input.number !== undefined && input.number !== current.number) throw invalidArgument('number', 'cannot be changed');
      const data = {
        ...(input.name !== undefined ? { name: parseText(input.name, 'name', MAX_NAME) } : {}),
        ...(input.detail !== undefined ? { detail: parseText(input.detail, 'detail', MAX_DETAIL) } : {}),
        ...(input.callFlowId !== undefined ? { callFlowId: await callFlow(customerId, input.callFlowId) } : {}),
        ...(input.messageFlowId !== undefined ? { messageFlowId: await messageFlow(customerId, input.messageFlowId) } : {}),
      };
      const [row] = await prisma.phoneNumber.updateManyAndReturn({ where: { id: current.id, tmDelete: null }, data: { ...data, tmUpdate: new Date() }, select: SELECT });
      if (!row) throw new AppError('NUMBER_NOT_FOUND', 'The number was not found.');
      return row;
    },

    /** Releases the number: another customer may register it from now on. */
    async delete(customerId: string, id: unknown): Promise<PhoneNumber> {
      const current = await owned(customerId, id);
      const now = new Date();
      const [row] = await prisma.phoneNumber.updateManyAndReturn({ where: { id: current.id, tmDelete: null }, data: { status: 'deleted', tmDelete: now, tmUpdate: now }, select: SELECT });
      if (!row) throw new AppError('NUMBER_NOT_FOUND', 'The number was not found.');
      return row;
    },

    /**
     * An outgoing call's caller id: a tel source must be one of the customer's numbers (the
     * spec: "Only numbers you own can be used as the source"); other address types pass.
     */
    async assertSource(customerId: string, source: Address, field = 'source'): Promise<void> {
      if (source.type !== 'tel') return;
      const held = await prisma.phoneNumber.findFirst({ where: { customerId, number: source.target, tmDelete: null }, select: { id: true } });
      if (!held) throw invalidArgument(`${field}.target`, `${source.target} is not one of your numbers (see GET /v1.0/numbers)`);
    },

    /** The customer and flow of an incoming call to `number`; null when nobody holds it or it has no flow. */
    async incomingRoute(number: string): Promise<IncomingRoute | null> {
      const row = await prisma.phoneNumber.findFirst({
        where: { number, tmDelete: null, callFlow: { is: { tmDelete: null } } },
        select: { id: true, customerId: true, callFlowId: true },
      });
      return row?.callFlowId ? { numberId: row.id, customerId: row.customerId, flowId: row.callFlowId } : null;
    },
  };
}

export type NumberService = ReturnType<typeof createNumberService>;
