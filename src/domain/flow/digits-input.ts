import type { DigitsReceiveOption } from './flow-action';

export interface DigitsInput {
  /** The digits collected so far (terminators are not kept). */
  digits: string;
  /** The input is complete: the length is reached or a terminator key was pressed. */
  done: boolean;
}

/** One key press during digits_receive. */
export function pressKey(option: DigitsReceiveOption, collected: string, key: string): DigitsInput {
  if (option.key.includes(key)) return { digits: collected, done: true };
  const digits = collected + key;
  return { digits, done: option.length > 0 && digits.length >= option.length };
}
