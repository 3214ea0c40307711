import type { Activeflow, CurrentAction } from '../domain/flow/activeflow';
import type { ExecutedAction } from '../domain/flow/flow-engine';
import { rowTime } from './row-values';

export type ActiveflowRow = Record<string, unknown>;

export function activeflowFromRow(row: ActiveflowRow): Activeflow {
  return {
    id: row.id as string,
    customerId: row.customer_id as string,
    flowId: row.flow_id as string,
    onCompleteFlowId: (row.on_complete_flow_id ?? null) as string | null,
    referenceType: 'call',
    referenceId: row.reference_id as string,
    status: row.status as Activeflow['status'],
    step: Number(row.step),
    currentAction: (row.current_action as CurrentAction | null) ?? null,
    executedActions: (row.executed_actions as ExecutedAction[] | null) ?? [],
    variables: (row.variables as Record<string, string> | null) ?? {},
    loopCounts: (row.loop_counts as Record<string, number> | null) ?? {},
    eventSeq: Number(row.event_seq),
    tmCreate: rowTime(row.tm_create) as Date,
    tmUpdate: rowTime(row.tm_update) as Date,
    tmEnd: rowTime(row.tm_end),
    tmDelete: rowTime(row.tm_delete),
  };
}
