import type { Address } from '../address';
import type { HangupReason } from '../hangup';

/**
 * A flow action after validation (see `parse-flow-actions.ts`): every action has an id, its type
 * is the canonical name (aliases such as `dtmf_send` and `record_start` are mapped), and its
 * options are typed and defaulted. Flows are stored as the client wrote them (with ids filled
 * in); the runner parses each action again after `${variable}` substitution.
 */
export type FlowAction =
  | Act<'answer', Record<string, never>>
  | Act<'talk', TalkOption>
  | Act<'play', { streamUrls: string[] }>
  | Act<'hangup', { reason: HangupReason | null }>
  | Act<'sleep', { durationMs: number }>
  | Act<'digits_receive', DigitsReceiveOption>
  | Act<'digits_send', DigitsSendOption>
  | Act<'branch', BranchOption>
  | Act<'goto', { targetId: string; loopCount: number }>
  | Act<'connect', ConnectOption>
  | Act<'variable_set', { key: string; value: string }>
  | Act<'recording_start', RecordingStartOption>
  | Act<'recording_stop', Record<string, never>>;

export type FlowActionType = FlowAction['type'];

interface Act<T extends string, O> {
  id: string;
  type: T;
  option: O;
}

export interface TalkOption {
  text: string;
  language: string;
  /** `next`: a key press ends the prompt early and the flow moves on. */
  digitsHandle: 'next' | null;
}

export interface DigitsReceiveOption {
  /** How long to wait for the digits, in ms. */
  durationMs: number;
  /** Stop after this many digits. */
  length: number;
  /** Terminator keys: pressing one ends the input (the key is not kept). '' for none. */
  key: string;
}

export interface DigitsSendOption {
  /** 0-9 A-D * #, at most 100. */
  digits: string;
  durationMs: number;
  intervalMs: number;
}

export interface BranchOption {
  /** The variable read (default `voipbin.call.digits`), cleared after it is read. */
  variable: string;
  /** value → action id. */
  targetIds: Record<string, string>;
  /** Where to go when no value matches; null: the next action. */
  defaultTargetId: string | null;
}

export interface ConnectOption {
  /** The caller id of the new legs; null: the call's own source. */
  source: Address | null;
  destinations: Address[];
  /** Several destinations ring as a groupcall: all at once, or one after another. */
  ringMethod: 'ring_all' | 'linear';
  earlyMedia: boolean;
  relayReason: boolean;
}

export interface RecordingStartOption {
  format: 'wav' | 'mp3' | 'ogg';
  direction: 'in' | 'out' | 'both';
  channels: 'mixed' | 'stereo';
  /** Seconds of silence that end the recording; 0 for none. */
  endOfSilence: number;
  /** Keys that end the recording; '' for none. */
  endOfKey: string;
  /** Maximum length in seconds; 0 for none. */
  duration: number;
}
