import { randomUUID } from 'node:crypto';
import { AppError, invalidArgument } from '../domain/errors';
import { parseFlowActions, withActionIds } from '../domain/flow/parse-flow-actions';
import { parseText } from '../domain/text';
import type { PrismaClient } from '../persistence/database';
import { isUuid, parseId, ZERO_UUID } from './ids';
import { NEWEST_FIRST, olderThan, type PageCursor } from './page-cursor';

export interface Flow {
  id: string;
  customerId: string;
  /** `flow`: saved by the customer; `temporary`: made from a call's inline actions. */
  type: string;
  name: string;
  detail: string;
  /** As the client wrote them (id, type, option), every id filled in. */
  actions: unknown[];
  onCompleteFlowId: string | null;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

export interface FlowInput {
  name?: unknown;
  detail?: unknown;
  actions?: unknown;
  onCompleteFlowId?: unknown;
}

export type FlowCursor = PageCursor;

const MAX_NAME = 255;
const MAX_DETAIL = 2000;
/** How far a chain of on_complete flows is followed when looking for a loop. */
const MAX_CHAIN = 100;
const SELECT = { id: true, customerId: true, type: true, name: true, detail: true, actions: true, onCompleteFlowId: true, tmCreate: true, tmUpdate: true, tmDelete: true } as const;

/** A flow's actions as stored: validated, with ids given to the actions that had none. */
export function storedActions(raw: unknown, field = 'actions'): unknown[] {
  const actions = parseFlowActions(raw, field, { newId: randomUUID });
  return withActionIds(raw as unknown[], actions);
}

/** A customer's flows: definitions checked at create/update time, not when a call runs them. */
export function createFlowService(prisma: PrismaClient) {
  const asFlow = (row: { actions: unknown } & Omit<Flow, 'actions'>): Flow => ({ ...row, actions: Array.isArray(row.actions) ? row.actions : [] });

  async function owned(customerId: string, id: unknown, field = 'id'): Promise<Flow> {
    const row = await prisma.flow.findFirst({ where: { id: parseId(id, field), customerId, tmDelete: null }, select: SELECT });
    if (!row) throw new AppError('FLOW_NOT_FOUND', 'The flow was not found.', field === 'id' ? undefined : field);
    return asFlow(row);
  }

  /** A saved flow (not a call's temporary one) of the customer, named by the input `field`. */
  async function saved(customerId: string, id: unknown, field: string): Promise<Flow> {
    const flow = await owned(customerId, id, field);
    if (flow.type !== 'flow') throw new AppError('FLOW_NOT_FOUND', 'The flow was not found.', field);
    return flow;
  }

  /** on_complete_flow_id: none, or another saved flow of the same customer. */
  async function onComplete(customerId: string, value: unknown, self: string | null): Promise<string | null> {
    if (value === undefined || value === null || value === '' || value === ZERO_UUID) return null;
    if (!isUuid(value)) throw invalidArgument('on_complete_flow_id', 'must be a UUID');
    const flow = await saved(customerId, value, 'on_complete_flow_id');
    if (flow.id === self) throw invalidArgument('on_complete_flow_id', 'must name another flow (a flow cannot follow itself)');
    if (self && (await followsInto(flow, self))) throw invalidArgument('on_complete_flow_id', 'would make a loop: that flow is followed, in the end, by this one');
    return flow.id;
  }

  /** Whether the chain of on_complete_flow_id from `start` reaches `target` (a bounded walk). */
  async function followsInto(start: Flow, target: string): Promise<boolean> {
    let next = start.onCompleteFlowId;
    for (let step = 0; next && step < MAX_CHAIN; step++) {
      if (next === target) return true;
      const row = await prisma.flow.findFirst({ where: { id: next, tmDelete: null }, select: { onCompleteFlowId: true } });
      next = row?.onCompleteFlowId ?? null;
    }
    return false;
  }

  /** A call's temporary flow belongs to the call: readable by id, never changed through /flows. */
  function editable(flow: Flow): Flow {
    if (flow.type !== 'flow') throw new AppError('FLOW_NOT_EDITABLE', "This flow holds a call's inline actions and cannot be changed.");
    return flow;
  }

  return {
    get: owned,
    getSaved: saved,

    /**
     * What the flow runner needs of a flow, by id alone (an activeflow's flow may have been
     * deleted since it started: it runs on): its actions and the flow that follows it, if that
     * one is still there.
     */
    async forRun(flowId: string): Promise<{ actions: unknown[]; next: string | null }> {
      const row = await prisma.flow.findUnique({ where: { id: flowId }, select: { actions: true, onCompleteFlowId: true } });
      const following = row?.onCompleteFlowId
        ? await prisma.flow.findFirst({ where: { id: row.onCompleteFlowId, tmDelete: null }, select: { id: true } })
        : null;
      return { actions: (row?.actions as unknown[] | undefined) ?? [], next: following?.id ?? null };
    },

    async create(customerId: string, input: FlowInput): Promise<Flow> {
      const name = parseText(input.name, 'name', MAX_NAME);
      const detail = parseText(input.detail, 'detail', MAX_DETAIL);
      const actions = storedActions(input.actions ?? []);
      const onCompleteFlowId = await onComplete(customerId, input.onCompleteFlowId, null);
      const now = new Date(); // millisecond precision, so a page token (a Date) sorts rows exactly
      const row = await prisma.flow.create({
        data: { id: randomUUID(), customerId, type: 'flow', name, detail, actions: actions as never, onCompleteFlowId, tmCreate: now, tmUpdate: now },
        select: SELECT,
      });
      return asFlow(row);
    },

    /** Saved flows only (temporary ones belong to their call), newest first. */
    async list(customerId: string, query: { pageSize: number; after?: FlowCursor | undefined }): Promise<Flow[]> {
      const pageSize = query.pageSize;
      const rows = await prisma.flow.findMany({
        where: { customerId, type: 'flow', tmDelete: null, ...olderThan(query.after) },
        orderBy: NEWEST_FIRST,
        take: pageSize,
        select: SELECT,
      });
      return rows.map(asFlow);
    },

    /** Changes the fields given; the others stay as they are. */
    async update(customerId: string, id: unknown, input: FlowInput): Promise<Flow> {
      const flow = editable(await owned(customerId, id));
      const data = {
        ...(input.name !== undefined ? { name: parseText(input.name, 'name', MAX_NAME) } : {}),
        ...(input.detail !== undefined ? { detail: parseText(input.detail, 'detail', MAX_DETAIL) } : {}),
        ...(input.actions !== undefined ? { actions: storedActions(input.actions) as never } : {}),
        ...(input.onCompleteFlowId !== undefined ? { onCompleteFlowId: await onComplete(customerId, input.onCompleteFlowId, flow.id) } : {}),
      };
      const rows = await prisma.flow.updateManyAndReturn({ where: { id: flow.id, tmDelete: null }, data: { ...data, tmUpdate: new Date() }, select: SELECT });
      const [row] = rows;
      if (!row) throw new AppError('FLOW_NOT_FOUND', 'The flow was not found.');
      return asFlow(row);
    },

    /** Hides the flow; calls that ran it keep their flow_id. */
    async delete(customerId: string, id: unknown): Promise<Flow> {
      const flow = editable(await owned(customerId, id));
      const rows = await prisma.flow.updateManyAndReturn({ where: { id: flow.id, tmDelete: null }, data: { tmDelete: new Date() }, select: SELECT });
      const [row] = rows;
      if (!row) throw new AppError('FLOW_NOT_FOUND', 'The flow was not found.');
      return asFlow(row);
    },
  };
}

export type FlowService = ReturnType<typeof createFlowService>;
