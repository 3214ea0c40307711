import type { Address } from './address';
import { invalidArgument } from './errors';

export const RING_METHODS = ['ring_all', 'linear'] as const;
export type RingMethod = (typeof RING_METHODS)[number];

/** `hangup_others` ends the unanswered legs at the first answer; `''` leaves them alone (docs/groupcalls.md). */
export const ANSWER_METHODS = ['hangup_others', ''] as const;
export type AnswerMethod = (typeof ANSWER_METHODS)[number];

export const GROUPCALL_STATUSES = ['progressing', 'hangingup', 'hangup'] as const;
export type GroupcallStatus = (typeof GROUPCALL_STATUSES)[number];

/** The reason an unanswered (or late-answering) leg ends with when another leg won. */
export const LOSING_LEG_REASON = 'cancel' as const;

/** The destination type of a nested groupcall (docs/groupcalls.md). */
export const NESTED_GROUPCALL_TYPE = 'groupcall' as const;

/** A nested groupcall as a destination: its target is the nested groupcall's id, chosen at creation. */
export interface NestedDestination {
  type: typeof NESTED_GROUPCALL_TYPE;
  target: string;
  targetName: string;
  name: string;
  detail: string;
  groupcall: NestedGroupcallSpec;
}

/** What a nested groupcall dials; its source, flow and answer method are its master's. */
export interface NestedGroupcallSpec {
  destinations: GroupcallDestination[];
  ringMethod: RingMethod;
  dialTimeoutMs: number;
}

export type GroupcallDestination = Address | NestedDestination;

export const isNested = (destination: GroupcallDestination): destination is NestedDestination => destination.type === NESTED_GROUPCALL_TYPE;

/** A groupcall as the services hand it to the surfaces. */
export interface Groupcall {
  id: string;
  customerId: string;
  flowId: string | null;
  source: Address;
  /** Addresses, and nested groupcalls (`type: 'groupcall'`, target: the nested groupcall's id). */
  destinations: GroupcallDestination[];
  ringMethod: RingMethod;
  answerMethod: AnswerMethod;
  answerCallId: string | null;
  answerGroupcallId: string | null;
  /** The legs dialled so far, in dial order (linear: one per destination tried). */
  callIds: string[];
  /** The legs not yet hung up. */
  callCount: number;
  /** The nested groupcalls dialled so far, in dial order. */
  groupcallIds: string[];
  /** The nested groupcalls not yet hung up. */
  groupcallCount: number;
  masterCallId: string | null;
  masterGroupcallId: string | null;
  status: GroupcallStatus;
  /** The destination being dialled (linear); 0 for ring_all, which dials them all at once. */
  dialIndex: number;
  dialTimeoutMs: number;
  eventSeq: number;
  tmCreate: Date;
  tmUpdate: Date;
  tmHangup: Date | null;
  tmDelete: Date | null;
}

/** The ring method asked for; absent means ring_all (VoIPBIN's default). */
export function parseRingMethod(value: unknown, field = 'ring_method'): RingMethod {
  if (value === undefined || value === null) return 'ring_all';
  if (typeof value === 'string' && (RING_METHODS as readonly string[]).includes(value)) return value as RingMethod;
  throw invalidArgument(field, `must be one of ${RING_METHODS.join(', ')}`);
}

/** The answer method asked for; absent means hangup_others. */
export function parseAnswerMethod(value: unknown, field = 'answer_method'): AnswerMethod {
  if (value === undefined || value === null) return 'hangup_others';
  if (typeof value === 'string' && (ANSWER_METHODS as readonly string[]).includes(value)) return value as AnswerMethod;
  throw invalidArgument(field, "must be hangup_others or '' (leave the other legs ringing)");
}

/** What the groupcall does when one of its legs answered: the first answer wins, the rest lose. */
export type LegAnswerOutcome = 'won' | 'lost';

/**
 * After an answered leg lost (another won first), whether it is hung up: always under
 * hangup_others; under '' a late answer is left up (the other legs are the client's to end).
 */
export const hangsUpLosers = (answerMethod: AnswerMethod): boolean => answerMethod === 'hangup_others';

/**
 * What follows the end of a leg: linear moves on to the next destination while nobody answered
 * and the groupcall is still progressing; otherwise the groupcall ends once no leg is up. A
 * groupcall already moved on from the leg (its dial index the next one) is a retried reaction to
 * that end: it dials the next destination again, since the attempt that moved on may have died
 * before dialling it (the move itself is not made twice, and a leg dialled is not dialled twice).
 */
export function afterLegEnded(groupcall: Pick<Groupcall, 'ringMethod' | 'status' | 'answerCallId' | 'dialIndex' | 'destinations'>, endedIndex: number): 'dial-next' | 'end-when-idle' {
  const unanswered = groupcall.answerCallId === null && groupcall.status === 'progressing';
  const more = endedIndex + 1 < groupcall.destinations.length;
  const current = endedIndex === groupcall.dialIndex || endedIndex + 1 === groupcall.dialIndex;
  if (groupcall.ringMethod === 'linear' && unanswered && more && current) return 'dial-next';
  return 'end-when-idle';
}
