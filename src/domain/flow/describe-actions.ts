import { ACTION_TYPE_ALIASES, FLOW_ACTION_TYPES, UNSUPPORTED_ACTION_TYPES } from './action-types';
import type { FlowActionType } from './flow-action';
import { OptionReader } from './option-reader';
import { OPTION_PARSERS } from './parse-action-option';

/** One option of an action as its parser reads it. */
export interface OptionSpec {
  /** VoIPBIN's name first, then the other spellings taken. */
  names: string[];
  kind: string;
  required: boolean;
  /** The default, when the option may be left out. */
  fallback?: string;
  /** Range, length, pattern or values. */
  rule?: string;
}

export interface ActionSpec {
  type: FlowActionType;
  aliases: string[];
  supported: boolean;
  options: OptionSpec[];
}

/**
 * Options a parser checks itself after reading them raw: a valid sample lets the parser go on,
 * and the kind says what they are. A new raw option missing here fails the description loudly.
 */
const RAW_OPTIONS: Readonly<Record<string, { kind: string; sample: unknown; required: boolean }>> = {
  stream_urls: { kind: 'list of http(s) URLs (1–100)', sample: ['https://example.com/a.wav'], required: true },
  destinations: { kind: 'list of addresses (1–100)', sample: [{ type: 'tel', target: '+15551234567' }], required: true },
  source: { kind: 'address', sample: undefined, required: false },
  target_ids: { kind: 'object of value → action id (up to 100)', sample: undefined, required: false },
};

const quote = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : String(value));

/** An OptionReader that reads nothing: it writes down every option the parser asks for. */
class DescribingReader extends OptionReader {
  readonly specs: OptionSpec[] = [];

  constructor() {
    super({}, 'option', false);
  }

  private note(names: readonly string[], spec: Omit<OptionSpec, 'names'>): void {
    this.specs.push({ names: [...names], ...spec });
  }

  override raw(names: readonly string[]): { value: unknown; name: string } {
    const name = names[0] ?? '';
    const known = RAW_OPTIONS[name];
    if (!known) throw new Error(`describe-actions: option '${name}' is read raw; add it to RAW_OPTIONS`);
    this.note(names, { kind: known.kind, required: known.required });
    return { value: known.sample, name };
  }

  override checkString(value: unknown): string {
    return String(value);
  }

  override string(names: readonly string[], rule: { max: number; expected?: string; allowEmpty?: boolean }, fallback?: string): string {
    const limits = [`up to ${rule.max} characters`, rule.expected].filter(Boolean).join(', ');
    this.note(names, { kind: 'string', required: fallback === undefined, fallback: fallback === undefined ? undefined : quote(fallback), rule: limits });
    return fallback ?? '';
  }

  override int(names: readonly string[], rule: { min: number; max: number; unit?: string }, fallback?: number): number {
    this.note(names, { kind: rule.unit ? `integer (${rule.unit})` : 'integer', required: fallback === undefined, fallback: fallback === undefined ? undefined : String(fallback), rule: `${rule.min}–${rule.max}` });
    return fallback ?? rule.min;
  }

  override bool(names: readonly string[], fallback: boolean): boolean {
    this.note(names, { kind: 'boolean', required: false, fallback: String(fallback) });
    return fallback;
  }

  override oneOf<T extends string>(names: readonly string[], values: readonly T[], fallback: T): T {
    this.note(names, { kind: 'one of', required: false, fallback: fallback === '' ? '(none)' : quote(fallback), rule: values.filter((value) => value !== '').map(quote).join(', ') });
    return fallback;
  }
}

/** Every action type with the options its parser reads, straight from OPTION_PARSERS. */
export function describeFlowActions(): ActionSpec[] {
  return FLOW_ACTION_TYPES.map((type) => {
    const reader = new DescribingReader();
    (OPTION_PARSERS[type] as (read: OptionReader) => unknown)(reader);
    return {
      type,
      aliases: Object.entries(ACTION_TYPE_ALIASES)
        .filter(([, canonical]) => canonical === type)
        .map(([alias]) => alias),
      supported: !UNSUPPORTED_ACTION_TYPES.has(type),
      options: reader.specs,
    };
  });
}
