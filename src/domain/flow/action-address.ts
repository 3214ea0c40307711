import { parseAddress, type Address, type AddressType } from '../address';
import { invalidArgument } from '../errors';
import { containsNul } from '../text';
import { hasTemplate } from './option-reader';

/** A valid target of each type, stood in for a `${…}` target so the rest of the address is checked. */
const STAND_IN: Readonly<Record<AddressType, string>> = {
  tel: '+10000000000',
  sip: 'user@example.com',
  endpoint: 'user',
  extension: '1000',
};

/**
 * An address inside an action's option, spelled as in the REST API (`target_name`). At definition
 * time a target holding `${…}` is checked only once substituted, when the runner parses it again.
 */
export function parseActionAddress(raw: unknown, field: string, allowTemplates: boolean): Address {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidArgument(field, 'must be an address object');
  const input = raw as Record<string, unknown>;
  const fields = { type: input.type, target: input.target, targetName: input.target_name, name: input.name, detail: input.detail };
  const target = input.target;
  if (!allowTemplates || typeof target !== 'string' || !hasTemplate(target)) return parseAddress(fields, field);
  const typeOk = typeof fields.type === 'string' && fields.type in STAND_IN;
  const checked = parseAddress({ ...fields, target: typeOk ? STAND_IN[fields.type as AddressType] : target }, field);
  if (target.length > 255 || containsNul(target)) throw invalidArgument(`${field}.target`, 'must be at most 255 characters, without NUL');
  return { ...checked, target };
}
