import type { Address } from '../domain/address';
import { isNested, type Groupcall, type NestedDestination } from '../domain/groupcall';
import { initialDestinations } from '../domain/groupcall-destinations';
import type { NewCall } from '../persistence/call-repository';
import type { NewGroupcall, NextDial } from '../persistence/groupcall-repository';
import { addressToStored } from './call-row';
import { destinationToStored } from './groupcall-row';
import { groupcallLegId } from './ids';

/** What a groupcall is made of before its row exists: enough to plan what it dials. */
export type GroupcallShape = Pick<
  Groupcall,
  'id' | 'customerId' | 'flowId' | 'source' | 'destinations' | 'ringMethod' | 'answerMethod' | 'dialTimeoutMs' | 'masterCallId' | 'masterGroupcallId'
>;

/** The rows one dial inserts in one transaction: groupcalls (masters before their nested ones), then legs. */
export interface DialPlan {
  groupcalls: NewGroupcall[];
  legs: NewCall[];
}

const legOf = (groupcall: GroupcallShape, index: number, destination: Address): NewCall => ({
  id: groupcallLegId(groupcall.id, index),
  customerId: groupcall.customerId,
  flowId: groupcall.flowId,
  type: 'flow',
  direction: 'outgoing',
  source: addressToStored(groupcall.source),
  destination: addressToStored(destination),
  // A connect's groupcall: its legs are chained to the call, and end with it.
  masterCallId: groupcall.masterCallId,
  groupcallId: groupcall.id,
  earlyExecution: false,
  dialTimeoutMs: groupcall.dialTimeoutMs,
});

/** A nested groupcall as its master dials it: the master's source, flow, answer method and call. */
const nestedShape = (master: GroupcallShape, destination: NestedDestination): GroupcallShape => ({
  id: destination.target,
  customerId: master.customerId,
  flowId: master.flowId,
  source: master.source,
  destinations: destination.groupcall.destinations,
  ringMethod: destination.groupcall.ringMethod,
  answerMethod: master.answerMethod,
  dialTimeoutMs: destination.groupcall.dialTimeoutMs,
  masterCallId: master.masterCallId,
  masterGroupcallId: master.id,
});

/** The destination at `index` dialled: a leg, or a nested groupcall and what it dials at once. */
function planDestination(groupcall: GroupcallShape, index: number): { next: NextDial; plan: DialPlan } {
  const destination = groupcall.destinations[index];
  if (!destination) throw new Error(`groupcall ${groupcall.id} has no destination ${index}`);
  if (!isNested(destination)) {
    const leg = legOf(groupcall, index, destination);
    return { next: { callId: leg.id }, plan: { groupcalls: [], legs: [leg] } };
  }
  return { next: { groupcallId: destination.target }, plan: planStart(nestedShape(groupcall, destination)) };
}

/** A groupcall started: its row listing what it dials at once, and that (nested ones recursively). */
export function planStart(groupcall: GroupcallShape): DialPlan {
  const indices = initialDestinations(groupcall.ringMethod, groupcall.destinations.map((_, index) => index));
  const dialled = indices.map((index) => planDestination(groupcall, index));
  const row: NewGroupcall = {
    id: groupcall.id,
    customerId: groupcall.customerId,
    flowId: groupcall.flowId,
    source: addressToStored(groupcall.source),
    destinations: groupcall.destinations.map(destinationToStored),
    ringMethod: groupcall.ringMethod,
    answerMethod: groupcall.answerMethod,
    callIds: dialled.flatMap(({ next }) => ('callId' in next ? [next.callId] : [])),
    groupcallIds: dialled.flatMap(({ next }) => ('groupcallId' in next ? [next.groupcallId] : [])),
    masterGroupcallId: groupcall.masterGroupcallId,
    masterCallId: groupcall.masterCallId,
    dialTimeoutMs: groupcall.dialTimeoutMs,
  };
  return {
    groupcalls: [row, ...dialled.flatMap(({ plan }) => plan.groupcalls)],
    legs: dialled.flatMap(({ plan }) => plan.legs),
  };
}

/** Linear: what dialling the destination at `index` lists on the groupcall, and inserts. */
export const planNext = (groupcall: GroupcallShape, index: number): { next: NextDial; plan: DialPlan } => planDestination(groupcall, index);

/** The destination a leg or nested groupcall that ended was dialled for (-1: not one of this groupcall's). */
export function destinationIndexOf(groupcall: Pick<Groupcall, 'id' | 'destinations'>, ended: { callId: string } | { groupcallId: string }): number {
  return groupcall.destinations.findIndex((destination, index) =>
    'callId' in ended ? !isNested(destination) && groupcallLegId(groupcall.id, index) === ended.callId : isNested(destination) && destination.target === ended.groupcallId,
  );
}
