import { parseAddress, parseAddressLabels, type AddressInput } from './address';
import { resolveDialTimeout } from './dial-timeout';
import { AppError, invalidArgument } from './errors';
import { NESTED_GROUPCALL_TYPE, parseRingMethod, type GroupcallDestination, type NestedDestination, type RingMethod } from './groupcall';

/** How deep groupcalls nest: the groupcall asked for is level 1, its nested ones level 2 … */
export const MAX_GROUPCALL_LEVELS = 5;
/** Legs in all: every address destination at every level (linear ones count before they are dialled). */
export const MAX_GROUPCALL_LEGS = 100;

/** A destination as a client wrote it: an address, or `{type: 'groupcall', groupcall: {...}}`. */
export interface GroupcallDestinationInput extends AddressInput {
  groupcall?: NestedGroupcallInput | null;
}

export interface NestedGroupcallInput {
  destinations?: unknown;
  ringMethod?: unknown;
  dialTimeout?: unknown;
  /** Inherited from the master: named here only to be refused with a clear message. */
  inherited?: string[];
}

/**
 * Parses a groupcall's destinations, nested ones included, giving every nested groupcall its id
 * (`newId`). The limits are checked over the whole tree and refused naming the limit, so nothing
 * is ever silently dropped.
 */
export function parseGroupcallDestinations(input: unknown, dialTimeoutMs: number, newId: () => string): GroupcallDestination[] {
  const legs = { count: 0 };
  const destinations = parseLevel(input, 'destinations', 1, dialTimeoutMs, newId, legs);
  assertLegCount(legs.count);
  return destinations;
}

/** The one limit on legs, for a groupcall and for a transfer's transferees (rung as one). */
export function assertLegCount(count: number): void {
  if (count > MAX_GROUPCALL_LEGS) {
    throw new AppError(
      'GROUPCALL_TOO_MANY_LEGS',
      `destinations: a groupcall dials at most ${MAX_GROUPCALL_LEGS} legs in all, nested groupcalls included (the limit is ${MAX_GROUPCALL_LEGS}; this one has ${count})`,
      'destinations',
    );
  }
}

function parseLevel(input: unknown, field: string, level: number, dialTimeoutMs: number, newId: () => string, legs: { count: number }): GroupcallDestination[] {
  if (!Array.isArray(input) || input.length === 0) throw invalidArgument(field, 'at least one destination is required');
  if (input.length > MAX_GROUPCALL_LEGS) {
    throw new AppError('GROUPCALL_TOO_MANY_LEGS', `${field}: at most ${MAX_GROUPCALL_LEGS} destinations (the limit is ${MAX_GROUPCALL_LEGS} legs in all)`, field);
  }
  return input.map((item: unknown, index) => {
    const at = `${field}[${index}]`;
    const destination = item as GroupcallDestinationInput | null;
    if (destination?.type !== NESTED_GROUPCALL_TYPE) {
      if (destination && typeof destination === 'object' && destination.groupcall != null) {
        throw invalidArgument(`${at}.groupcall`, `only a destination of type ${NESTED_GROUPCALL_TYPE} is a nested groupcall`);
      }
      legs.count++;
      return parseAddress(destination, at);
    }
    return parseNested(destination, at, level, dialTimeoutMs, newId, legs);
  });
}

function parseNested(input: GroupcallDestinationInput, field: string, level: number, dialTimeoutMs: number, newId: () => string, legs: { count: number }): NestedDestination {
  if (level + 1 > MAX_GROUPCALL_LEVELS) {
    throw new AppError(
      'GROUPCALL_TOO_DEEP',
      `${field}: groupcalls nest at most ${MAX_GROUPCALL_LEVELS} levels deep (the limit is ${MAX_GROUPCALL_LEVELS}; the groupcall asked for is level 1)`,
      field,
    );
  }
  if (input.target !== undefined && input.target !== null && input.target !== '') {
    throw invalidArgument(`${field}.target`, "a nested groupcall's id is chosen when it is made: leave target out");
  }
  const nested = input.groupcall;
  if (!nested || typeof nested !== 'object') throw invalidArgument(`${field}.groupcall`, 'a nested groupcall needs its destinations');
  const [inherited] = nested.inherited ?? [];
  if (inherited) throw invalidArgument(`${field}.groupcall.${inherited}`, "a nested groupcall takes its master's source, flow and answer method");
  const ownTimeout = nested.dialTimeout === undefined || nested.dialTimeout === null ? dialTimeoutMs : resolveDialTimeout(nested.dialTimeout, `${field}.groupcall.dial_timeout`);
  return {
    type: NESTED_GROUPCALL_TYPE,
    target: newId(),
    ...parseAddressLabels(input, field),
    groupcall: {
      ringMethod: parseRingMethod(nested.ringMethod, `${field}.groupcall.ring_method`),
      dialTimeoutMs: ownTimeout,
      destinations: parseLevel(nested.destinations, `${field}.groupcall.destinations`, level + 1, ownTimeout, newId, legs),
    },
  };
}

/** The destinations dialled when a groupcall starts: all of them (ring_all), or the first (linear). */
export const initialDestinations = <T>(ringMethod: RingMethod, destinations: readonly T[]): T[] =>
  ringMethod === 'linear' ? destinations.slice(0, 1) : [...destinations];
