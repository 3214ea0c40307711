import { AppError } from './errors';
import { containsNul } from './text';

/** Address types a call can be made to or from. */
export const ADDRESS_TYPES = ['tel', 'sip', 'endpoint', 'extension'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

export interface Address {
  type: AddressType;
  target: string;
  targetName: string;
  name: string;
  detail: string;
}

export interface AddressInput {
  type?: unknown;
  target?: unknown;
  targetName?: unknown;
  name?: unknown;
  detail?: unknown;
}

/** E.164: '+', then 7 to 15 digits, nothing else (no spaces, dashes or parentheses). */
export const E164 = /^\+[0-9]{7,15}$/;

const TARGET_RULES: Readonly<Record<AddressType, { pattern: RegExp; expected: string }>> = {
  tel: { pattern: E164, expected: "an E.164 number: '+' then 7 to 15 digits, e.g. +15551234567" },
  sip: { pattern: /^[A-Za-z0-9_.!~*'()&=+$,;?/%-]+@[A-Za-z0-9.-]+(:[0-9]{1,5})?$/, expected: 'a SIP address user@host' },
  // Endpoints may name their domain (the spec's examples use `test11@test`).
  endpoint: { pattern: /^[A-Za-z0-9_]+(@[A-Za-z0-9.-]+)?$/, expected: 'an endpoint name of letters and digits, optionally @domain' },
  extension: { pattern: /^[A-Za-z0-9]+$/, expected: 'an extension of letters and digits only' },
};

const MAX_TEXT = 255;

export const isAddressType = (value: unknown): value is AddressType =>
  typeof value === 'string' && (ADDRESS_TYPES as readonly string[]).includes(value);

/** Validates an address as the client sent it; `field` names it in the error (`destinations[0]`). */
export function parseAddress(input: AddressInput | null | undefined, field: string): Address {
  if (input === null || input === undefined || typeof input !== 'object') {
    throw new AppError('INVALID_ADDRESS', `${field}: an address object is required`, field);
  }
  if (!isAddressType(input.type)) {
    throw new AppError('INVALID_ADDRESS', `${field}.type: must be one of ${ADDRESS_TYPES.join(', ')}`, `${field}.type`);
  }
  const target = input.target;
  if (typeof target !== 'string' || target.length === 0) {
    throw new AppError('INVALID_ADDRESS', `${field}.target: is required`, `${field}.target`);
  }
  const rule = TARGET_RULES[input.type];
  if (target.length > MAX_TEXT || !rule.pattern.test(target)) {
    throw new AppError('INVALID_ADDRESS', `${field}.target: '${clip(target)}' is not ${rule.expected}`, `${field}.target`);
  }
  return { type: input.type, target, ...parseAddressLabels(input, field) };
}

/** An address's free-text labels (also a nested groupcall destination's). */
export function parseAddressLabels(input: AddressInput, field: string): Pick<Address, 'targetName' | 'name' | 'detail'> {
  return {
    targetName: optionalText(input.targetName, `${field}.target_name`),
    name: optionalText(input.name, `${field}.name`),
    detail: optionalText(input.detail, `${field}.detail`),
  };
}

function optionalText(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > MAX_TEXT || containsNul(value)) {
    throw new AppError('INVALID_ADDRESS', `${field}: must be a string of at most ${MAX_TEXT} characters, without NUL`, field);
  }
  return value;
}

const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
