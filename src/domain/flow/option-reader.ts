import { invalidArgument } from '../errors';
import { containsNul } from '../text';

/** `${name}` placeholders, substituted by the runner just before an action runs. */
const TEMPLATE = /\$\{[^}]*\}/;
export const hasTemplate = (value: string): boolean => TEMPLATE.test(value);

interface StringRule {
  max: number;
  /** Checked unless the value holds a `${…}` placeholder and templates are allowed. */
  pattern?: RegExp;
  expected?: string;
  /** '' is accepted (and means "not set") when true. */
  allowEmpty?: boolean;
}

interface IntRule {
  min: number;
  max: number;
  unit?: string;
}

/**
 * Reads one action's `option` object. Each accessor takes the option's names, VoIPBIN's first
 * (e.g. `['digits', 'dtmfs']`), and errors name the spelling the client used.
 */
export class OptionReader {
  constructor(
    private readonly option: Readonly<Record<string, unknown>>,
    /** e.g. `actions[2].option` */
    readonly field: string,
    /** At definition time `${…}` placeholders stand for values known only at run time. */
    readonly allowTemplates: boolean,
  ) {}

  at = (name: string): string => `${this.field}.${name}`;

  /** The value under the first of `names` the client gave, with the name used. */
  raw(names: readonly string[]): { value: unknown; name: string } {
    for (const name of names) {
      const value = this.option[name];
      if (value !== undefined && value !== null) return { value, name };
    }
    return { value: undefined, name: names[0] ?? '' };
  }

  string(names: readonly string[], rule: StringRule, fallback?: string): string {
    const { value, name } = this.raw(names);
    if (value === undefined || (value === '' && fallback !== undefined && !rule.allowEmpty)) {
      if (fallback !== undefined) return fallback;
      throw invalidArgument(this.at(name), 'is required');
    }
    return this.checkString(value, this.at(name), rule);
  }

  checkString(value: unknown, field: string, rule: StringRule): string {
    if (typeof value !== 'string') throw invalidArgument(field, 'must be a string');
    if (value === '' && !rule.allowEmpty) throw invalidArgument(field, 'must not be empty');
    if (value.length > rule.max) throw invalidArgument(field, `must be at most ${rule.max} characters`);
    if (containsNul(value)) throw invalidArgument(field, 'must not contain NUL characters');
    const deferred = this.allowTemplates && hasTemplate(value);
    if (rule.pattern && value !== '' && !deferred && !rule.pattern.test(value)) {
      throw invalidArgument(field, `'${clip(value)}' is not ${rule.expected ?? 'valid'}`);
    }
    return value;
  }

  /** An integer; `${…}` is refused here because a substituted string is still not a number. */
  int(names: readonly string[], rule: IntRule, fallback?: number): number {
    const { value, name } = this.raw(names);
    const field = this.at(name);
    if (value === undefined) {
      if (fallback !== undefined) return fallback;
      throw invalidArgument(field, 'is required');
    }
    const unit = rule.unit ? ` ${rule.unit}` : '';
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw invalidArgument(field, `must be an integer${unit} (a JSON number, not a string or \${variable})`);
    }
    if (value < rule.min || value > rule.max) throw invalidArgument(field, `must be between ${rule.min} and ${rule.max}${unit}`);
    return value;
  }

  bool(names: readonly string[], fallback: boolean): boolean {
    const { value, name } = this.raw(names);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') throw invalidArgument(this.at(name), 'must be true or false');
    return value;
  }

  /** One of `values`; '' (like absence) takes the fallback. */
  oneOf<T extends string>(names: readonly string[], values: readonly T[], fallback: T): T {
    const { value, name } = this.raw(names);
    if (value === undefined || value === '') return fallback;
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw invalidArgument(this.at(name), `must be one of ${values.join(', ')}`);
    }
    return value as T;
  }
}

export const clip = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
