import { invalidArgument } from '../errors';

/**
 * A customer's stream position, as a client hands it back to resume (`callEvents(after:)`):
 * the decimal position of the last event it received ("0": from the start).
 */
export function parseStreamPosition(value: unknown, field = 'after'): string {
  if (typeof value !== 'string' || !/^(0|[1-9][0-9]{0,18})$/.test(value)) throw invalidArgument(field, 'must be a stream position: the position of an event received');
  return value;
}
