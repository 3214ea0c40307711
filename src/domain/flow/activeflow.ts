import type { ExecutedAction, FlowState, RawAction } from './flow-engine';

export type ActiveflowStatus = 'running' | 'ended';

/** The action being carried out, as written after substitution, with its error if it failed. */
export interface CurrentAction extends RawAction {
  /** The action that follows it in the list, for the call's action.next_id. */
  nextId: string | null;
  tmExecute: string;
  error?: string;
}

/** One execution of a flow on a call. */
export interface Activeflow extends FlowState {
  id: string;
  customerId: string;
  flowId: string;
  /** The flow's on_complete_flow_id when the activeflow started; null for none. */
  onCompleteFlowId: string | null;
  referenceType: 'call';
  referenceId: string;
  status: ActiveflowStatus;
  /** Bumped on every move: the jobs and media requests of a step carry it. */
  step: number;
  currentAction: CurrentAction | null;
  executedActions: ExecutedAction[];
  eventSeq: number;
  tmCreate: Date;
  tmUpdate: Date;
  tmEnd: Date | null;
  tmDelete: Date | null;
}

/** executed_actions keeps the most recent ones: a long loop must not grow the row without bound. */
export const MAX_EXECUTED_KEPT = 500;
