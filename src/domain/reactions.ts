import type { Call } from './call';
import { canChainTo } from './call-chain';
import { flowTrigger } from './flow/flow-trigger';

/**
 * What the product does because something changed, derived from committed events: each is an
 * idempotent job keyed by (reaction, resource, sequence), queued from the committed event. A few
 * also start at once in the process that committed the change, the job being their backstop
 * (src/workers/reactions/eager-reactions.ts).
 * The next issues (groupcalls, failover, transfers) add theirs here and in the handler table.
 */
export const REACTIONS = ['flow-start', 'flow-end', 'answer-wait', 'connect-leg', 'chain-cascade', 'groupcall-answer', 'groupcall-leg-end', 'groupcall-end', 'transfer-input', 'transfer-effects', 'failover-dial'] as const;
export type ReactionName = (typeof REACTIONS)[number];

/** A call event as the rule reads it: its name and the call's snapshot. */
export interface CallChange {
  type: string;
  call: Pick<Call, 'status' | 'direction' | 'earlyExecution' | 'flowId' | 'masterCallId' | 'groupcallId'> & { chainedCallIds: readonly string[]; attempts?: readonly unknown[] };
}

/**
 * The reactions to one call event. A flow starts on the change that calls for it (an incoming
 * call's creation, an outgoing call's answer, or its ringing with early_execution) and ends with
 * the call; an incoming call's answer completes its flow's answer action; a chained leg's answer
 * or end moves its master's connect action; a master leaving the chainable statuses ends its legs,
 * and so does a leg created just as its master was ending (the master's snapshot may not list it).
 * A groupcall's leg starts no flow on its answer: the groupcall-answer reaction decides the one
 * winner (whose flow it starts) and cancels the others; each leg's end may move the groupcall on.
 * An outgoing call whose attempt failed over (call_updated, still dialing, a later attempt) has
 * the next provider's channel made (failover-dial).
 */
export function reactionsTo({ type, call }: CallChange): ReactionName[] {
  const reactions: ReactionName[] = [];
  if (call.groupcallId && type === 'call_answered') reactions.push('groupcall-answer');
  if (call.groupcallId && type === 'call_hungup') reactions.push('groupcall-leg-end');
  if (!call.groupcallId && flowTrigger(call) === 'start' && startsFlow(type, call)) reactions.push('flow-start');
  if (call.flowId && type === 'call_hungup') reactions.push('flow-end');
  if (call.flowId && type === 'call_answered' && call.direction === 'incoming') reactions.push('answer-wait');
  if (call.masterCallId && (type === 'call_answered' || type === 'call_hungup')) reactions.push('connect-leg');
  const masterEnding = call.chainedCallIds.length > 0 && !canChainTo(call.status) && (type === 'call_updated' || type === 'call_hungup');
  if (masterEnding || (call.masterCallId && type === 'call_created')) reactions.push('chain-cascade');
  // Every party of a transfer is in a chain: the transferer and the consult call are the caller's legs.
  const chained = call.masterCallId !== null || call.chainedCallIds.length > 0;
  if (chained && TRANSFER_INPUT_EVENTS.includes(type)) reactions.push('transfer-input');
  // Route failover: an attempt failed and the call, still dialing, moved on to its next provider.
  if (type === 'call_updated' && call.direction === 'outgoing' && call.status === 'dialing' && (call.attempts?.length ?? 0) > 1) reactions.push('failover-dial');
  return reactions;
}

const TRANSFER_INPUT_EVENTS = ['call_ringing', 'call_answered', 'call_hungup'];

/** The reactions to a transfer's own event: its effects (dial, bridges, music on hold, hangups). */
export const transferReactionsTo = (type: string): ReactionName[] => (type === 'transfer_ringing' ? [] : ['transfer-effects']);

/**
 * The reactions to a groupcall's own event: the end of a nested groupcall moves its master on
 * (linear dials its next destination, or it ends), the end of a connect's groupcall moves the
 * connect on (its flow goes on).
 */
export const groupcallReactionsTo = (type: string, groupcall: { masterGroupcallId: string | null; masterCallId: string | null }): ReactionName[] =>
  type === 'groupcall_hangup' && (groupcall.masterGroupcallId !== null || groupcall.masterCallId !== null) ? ['groupcall-end'] : [];

function startsFlow(type: string, call: CallChange['call']): boolean {
  if (call.direction === 'incoming') return type === 'call_created';
  return type === 'call_answered' || (type === 'call_ringing' && call.earlyExecution);
}

/** The job of a reaction to the `sequence`-th change of a resource: adding it twice is one job. */
export const reactionJobId = (reaction: ReactionName, resourceId: string, sequence: number): string => `reaction_${reaction}_${resourceId}_${sequence}`;
