import type { Activeflow as DomainActiveflow } from '../domain/flow/activeflow';
import type { ExecutedAction } from '../domain/flow/flow-engine';
import type { Activeflow } from '../schema/activeflow.type';
import type { ActiveflowAction } from '../schema/activeflow-action.type';
import type { ActiveflowStatusEnum } from '../schema/activeflow-status.enum';
import { activeflowFromRow } from '../services/activeflow-row';

const toAction = (action: Omit<ExecutedAction, 'option'> & { option?: unknown; tmExecute?: string }): ActiveflowAction => ({
  id: action.id,
  type: action.type,
  option: (action.option as Record<string, unknown> | undefined) ?? {},
  error: action.error ?? null,
  executedAt: action.tmExecute ? new Date(action.tmExecute) : null,
});

export const toGraphqlActiveflow = (flow: DomainActiveflow): Activeflow => ({
  id: flow.id,
  flowId: flow.flowId,
  status: flow.status as ActiveflowStatusEnum,
  callId: flow.referenceId,
  currentAction: flow.currentAction ? toAction(flow.currentAction) : null,
  executedActions: flow.executedActions.map(toAction),
  variables: flow.variables,
  sequence: flow.eventSeq,
  createdAt: flow.tmCreate,
  updatedAt: flow.tmUpdate,
  endedAt: flow.tmEnd,
});

/** An activeflow_* event's payload (the row as to_jsonb gave it). */
export const activeflowOfPayload = (payload: Record<string, unknown>): Activeflow => toGraphqlActiveflow(activeflowFromRow(payload));
