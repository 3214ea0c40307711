import { randomUUID } from 'node:crypto';
import type { Call } from '../domain/call';
import { AppError } from '../domain/errors';
import { MAX_EXECUTED_KEPT, type Activeflow, type CurrentAction } from '../domain/flow/activeflow';
import { nextStep, type ExecutedAction, type FlowState, type NextStep, type ParseAction, type RawAction } from '../domain/flow/flow-engine';
import { callVariables, DIGITS_VARIABLE } from '../domain/flow/flow-variables';
import type { Logger } from '../platform/logger';
import type { FlowService } from './flow-service';
import type { ActiveflowRepository } from '../persistence/activeflow-repository';
import type { CallService } from './call-service';
import type { FlowJobs } from './flow-ports';
import { parseId, ZERO_UUID } from './ids';

export interface ActiveflowServiceDeps {
  flows: Pick<FlowService, 'forRun'>;
  activeflows: ActiveflowRepository;
  calls: CallService;
  jobs: FlowJobs;
  parse: ParseAction;
  logger: Logger;
}

/** How a step ended: with an error (recorded on the action, the flow moves on) and/or new variables. */
export interface StepOutcome {
  error?: string;
  variables?: Record<string, string>;
}

/** How many on_complete flows one move may pass through (empty flows in a row). */
const MAX_FLOW_HOPS = 10;

/**
 * Flow executions on calls: starting on the call's answer (or at once), moving from action to
 * action (each move one conditional statement on the step it was decided on, so a repeated or late
 * completion is a no-op), and ending with the call. Carrying out actions on the call is the flow
 * worker's part (workers/flow-executor.ts).
 */
export function createActiveflowService(deps: ActiveflowServiceDeps) {
  const { flows, activeflows, calls, jobs, parse, logger } = deps;


  /**
   * The next action from `afterId` in the flow; past the flow's end, the start of its
   * on_complete_flow_id flow (followed a bounded number of times: flows are refused when they would
   * loop, but a chain of empty flows must end too). Answers the flow the action belongs to.
   */
  async function nextAcrossFlows(flowId: string, afterId: string | null, state: FlowState): Promise<{ flowId: string; next: NextStep }> {
    let flow = await flows.forRun(flowId);
    let next = nextStep(flow.actions as RawAction[], afterId, state, parse);
    let passed = next.passed;
    for (let hop = 0; hop < MAX_FLOW_HOPS && next.action === null && !next.error && flow.next; hop++) {
      flowId = flow.next;
      flow = await flows.forRun(flowId);
      next = nextStep(flow.actions as RawAction[], null, next.state, parse);
      passed = [...passed, ...next.passed];
    }
    return { flowId, next: { ...next, passed } };
  }

  const executedOf = (action: CurrentAction, error: string | undefined): ExecutedAction => ({
    id: action.id,
    type: action.type,
    option: action.option,
    ...(error ? { error } : {}),
  });

  /**
   * Moves the activeflow from `step` to its next action, or to its end (which hangs the call up).
   * Answers false when the activeflow was not at that step any more.
   */
  async function advance(activeflowId: string, step: number, outcome: StepOutcome = {}): Promise<boolean> {
    const flow = await activeflows.findById(activeflowId);
    if (!flow || flow.status !== 'running' || flow.step !== step) return false;
    return moveFrom(flow, outcome, flow.flowId, flow.currentAction?.id ?? null);
  }

  /**
   * Moves a running activeflow (at the step it was read at) to the action after `afterId` in
   * `flowId` (null: its first action), or to its end; false when another move came first.
   */
  async function moveFrom(flow: Activeflow, outcome: StepOutcome, intoFlowId: string, afterId: string | null): Promise<boolean> {
    const step = flow.step;
    const activeflowId = flow.id;
    const current = flow.currentAction;
    const state = { variables: { ...flow.variables, ...outcome.variables }, loopCounts: flow.loopCounts };
    const { flowId, next } = await nextAcrossFlows(intoFlowId, afterId, state);
    // digits_receive collects from empty, from the moment it is current (in this same statement).
    if (next.action?.type === 'digits_receive') next.state.variables[DIGITS_VARIABLE] = '';
    const executed = [...flow.executedActions, ...(current ? [executedOf(current, outcome.error)] : []), ...next.passed].slice(-MAX_EXECUTED_KEPT);
    const ended = next.action === null;
    // An action that begins here gets its tmExecute from the move's statement (the database's clock).
    const { action: currentAction, starts } =
      next.raw === null ? finalAction(current, executed.at(-1), next.error) : { action: { ...next.raw, nextId: next.nextId, tmExecute: '' }, starts: true };
    const moved = await activeflows.move({
      id: flow.id,
      fromStep: step,
      flowId,
      currentAction,
      startsAction: starts,
      executedActions: executed,
      variables: next.state.variables,
      loopCounts: next.state.loopCounts,
      ended,
      callAction: next.raw === null ? undefined : callActionOf(currentAction as CurrentAction),
    });
    if (!moved) return false;
    await jobs.cancelWait(flow.id, step).catch(() => undefined);
    if (ended) {
      if (next.error) logger.warn({ activeflowId, error: next.error }, 'flow ended on an error');
      // The end of the flow hangs the call up (local, normal).
      await calls.signal(flow.referenceId, { type: 'hangup_requested', reason: 'normal' });
    } else {
      await jobs.runStep(flow.id, moved.step);
    }
    return true;
  }

  /**
   * Sends the call's running flow to the first action of `flowId` instead of its next one (a
   * failed transfer's fallback), if it is still on the action it was on at `since`: a retry finds
   * it moved on and leaves it. False when the call runs no flow.
   */
  async function divert(callId: string, flowId: string, since: Date): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const flow = await activeflows.findByCall(callId);
      if (!flow || flow.status !== 'running') return false;
      const startedAt = flow.currentAction ? Date.parse(flow.currentAction.tmExecute) : 0;
      if (startedAt >= since.getTime()) return true;
      if (await moveFrom(flow, {}, flowId, null)) return true;
    }
    return true;
  }

  /**
   * Starts the call's flow (the flow-start reaction). Idempotent: a repeat finds the activeflow
   * and, if an earlier attempt died before its first move, makes that move (step 0) now.
   */
  async function start(call: Call): Promise<void> {
    if (!call.flowId) return;
    const id = call.activeflowId ?? randomUUID();
    const created = await activeflows.create({
      id,
      customerId: call.customerId,
      flowId: call.flowId,
      callId: call.id,
      // The product's own voipbin.* variables win over anything seeded (seeding drops them anyway).
      variables: { ...call.variables, ...callVariables(call, { activeflowId: id, flowId: call.flowId }) },
    });
    const flow = created ?? (await activeflows.findByCall(call.id));
    if (flow?.status === 'running' && flow.step === 0) await advance(flow.id, 0);
  }

  /** The call is gone: the flow ends where it is, and its pending wait is cancelled. */
  async function endForCall(callId: string): Promise<Activeflow | null> {
    const flow = await activeflows.findByCall(callId);
    if (!flow || flow.status !== 'running') return flow;
    const current = flow.currentAction;
    // The action it was on ran (a hangup action to its end; any other one cut short by the call's end).
    const last = current ? [executedOf(current, current.type === 'hangup' ? undefined : 'the call ended during the action')] : [];
    const moved = await activeflows.move({
      id: flow.id,
      fromStep: flow.step,
      currentAction: current,
      startsAction: false,
      executedActions: [...flow.executedActions, ...last].slice(-MAX_EXECUTED_KEPT),
      variables: flow.variables,
      loopCounts: flow.loopCounts,
      ended: true,
    });
    await jobs.cancelWait(flow.id, flow.step).catch(() => undefined);
    return moved ?? (await endForCall(callId));
  }

  async function getOwned(customerId: string, id: unknown): Promise<Activeflow> {
    const flow = await activeflows.findOwned(parseId(id, 'id'), customerId);
    if (!flow) throw new AppError('ACTIVEFLOW_NOT_FOUND', 'The activeflow was not found.');
    return flow;
  }

  return {
    advance,
    divert,
    start,
    endForCall,
    get: getOwned,
    findById: activeflows.findById,
    findByCall: activeflows.findByCall,
    findByCalls: activeflows.findByCalls,
    setVariables: activeflows.setVariables,

    list: (customerId: string, pageSize: number, beforeUs: bigint | null) => activeflows.list(customerId, pageSize, beforeUs),

    /** Stops the flow: it ends where it is, and, as at every end of a flow, the call is hung up. */
    async stop(customerId: string, id: unknown): Promise<Activeflow> {
      const flow = await getOwned(customerId, id);
      if (flow.status !== 'running') return flow;
      const ended = (await endForCall(flow.referenceId)) ?? flow;
      await calls.signal(flow.referenceId, { type: 'hangup_requested', reason: 'normal' });
      return ended;
    },

    /** Stops it if it runs (its call hangs up, as at a flow's end), then deletes it: it answers 404 from then on. */
    async delete(customerId: string, id: unknown): Promise<void> {
      const flow = await getOwned(customerId, id);
      if (flow.status === 'running') {
        await endForCall(flow.referenceId);
        await calls.signal(flow.referenceId, { type: 'hangup_requested', reason: 'normal' });
      }
      if (!(await activeflows.markDeleted(flow.id, customerId))) throw new AppError('ACTIVEFLOW_NOT_FOUND', 'The activeflow was not found.');
    },
  };
}

/**
 * After the end, current_action is the last action executed, with its error (or the error the
 * flow ended on): what a user debugging the flow looks for first.
 */
function finalAction(current: CurrentAction | null, last: ExecutedAction | undefined, endError?: string): { action: CurrentAction | null; starts: boolean } {
  if (!last) return { action: null, starts: false };
  // The last action executed is the current one, or one passed on the way to the end (it starts now).
  const continues = current !== null && current.id === last.id;
  const base: CurrentAction = continues ? current : { ...last, nextId: null, tmExecute: '' };
  const error = endError ?? last.error;
  return { action: { ...base, option: last.option, ...(error ? { error } : {}) }, starts: !continues };
}

/** The call's `action` column: VoIPBIN's REST shape of the action being executed. */
export const callActionOf = (action: CurrentAction): Record<string, unknown> => ({
  id: action.id,
  next_id: action.nextId ?? ZERO_UUID,
  type: action.type,
  option: action.option ?? {},
  tm_execute: action.tmExecute,
});

export type ActiveflowService = ReturnType<typeof createActiveflowService>;
