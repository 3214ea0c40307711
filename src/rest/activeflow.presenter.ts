import type { Activeflow, CurrentAction } from '../domain/flow/activeflow';
import type { ExecutedAction } from '../domain/flow/flow-engine';
import { ZERO_UUID } from '../services/ids';
import { formatTime } from './voipbin-time';

const presentCurrent = (action: CurrentAction) => ({
  id: action.id,
  next_id: action.nextId ?? ZERO_UUID,
  type: action.type,
  option: action.option ?? {},
  tm_execute: formatTime(new Date(action.tmExecute)),
  ...(action.error ? { error: action.error } : {}),
});

const presentExecuted = (action: ExecutedAction) => ({
  id: action.id,
  type: action.type,
  option: action.option ?? {},
  ...(action.error ? { error: action.error } : {}),
});

/** An activeflow in VoIPBIN's JSON shape (with the variables and tm_end of this product). */
export function presentActiveflow(flow: Activeflow) {
  return {
    id: flow.id,
    customer_id: flow.customerId,
    flow_id: flow.flowId,
    status: flow.status,
    reference_type: flow.referenceType,
    reference_id: flow.referenceId,
    on_complete_flow_id: flow.onCompleteFlowId ?? ZERO_UUID,
    // Nothing here tells a flow to jump ahead (VoIPBIN's forward action): none.
    forward_action_id: ZERO_UUID,
    // Absent before the first action: VoIPBIN's action has no empty type.
    ...(flow.currentAction ? { current_action: presentCurrent(flow.currentAction) } : {}),
    executed_actions: flow.executedActions.map(presentExecuted),
    variables: flow.variables,
    tm_create: formatTime(flow.tmCreate),
    tm_update: formatTime(flow.tmUpdate),
    tm_end: formatTime(flow.tmEnd),
    tm_delete: formatTime(flow.tmDelete),
  };
}
