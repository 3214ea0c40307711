import { dtmfPlayoutMs } from './dtmf-timing';
import type { CallStatus } from './call-status';
import { callNotUp } from './call-state-error';
import { invalidArgument } from './errors';
import type { SpeechRequest } from './speech';

/** What a call's mute covers: '' is not muted (VoIPBIN's `mute_direction`). */
export type MuteDirection = '' | 'in' | 'out' | 'both';
export type MuteSide = 'in' | 'out' | 'both';

/** The media state of a call the product has set (and the media server carried out). */
export interface MediaState {
  hold: boolean;
  muteDirection: MuteDirection;
  moh: boolean;
  silence: boolean;
}

export interface DtmfRequest {
  digits: string;
  durationMs: number;
  intervalMs: number;
}

/** One request on a live call's audio. */
export type MediaControl =
  | { type: 'hold'; on: boolean }
  | { type: 'moh'; on: boolean }
  | { type: 'silence'; on: boolean }
  | { type: 'mute'; on: boolean; direction: MuteSide }
  | { type: 'dtmf'; dtmf: DtmfRequest }
  /** Speech played to the far end; `playbackId` names the playback on the media server. */
  | { type: 'talk'; speech: SpeechRequest; playbackId: string };

/** DTMF and talk are heard, not kept: they change none of the call's media state. */
export const changesMediaState = (control: MediaControl): boolean => control.type !== 'dtmf' && control.type !== 'talk';

/** Media controls need an answered call that is still up (the spec's "progressing only"). */
export function assertControllable(status: CallStatus): void {
  if (status !== 'progressing') {
    throw callNotUp(status, `Media controls need a progressing (answered) call; the call is ${status}.`);
  }
}

/** The state after the control; DTMF and talk change none of it. */
export function mediaStateAfter(state: MediaState, control: MediaControl): MediaState {
  switch (control.type) {
    case 'hold':
      return { ...state, hold: control.on };
    case 'moh':
      return { ...state, moh: control.on };
    case 'silence':
      return { ...state, silence: control.on };
    case 'mute':
      return { ...state, muteDirection: muteAfter(state.muteDirection, control.direction, control.on) };
    case 'dtmf':
    case 'talk':
      return state;
  }
}

/** Mute adds sides, unmute takes them away: muted "in" then "out" is "both"; unmute "in" leaves "out". */
export function muteAfter(current: MuteDirection, direction: MuteSide, muted: boolean): MuteDirection {
  const sides = new Set<string>(current === 'both' ? ['in', 'out'] : current === '' ? [] : [current]);
  for (const side of direction === 'both' ? ['in', 'out'] : [direction]) {
    if (muted) sides.add(side);
    else sides.delete(side);
  }
  if (sides.size === 2) return 'both';
  return sides.has('in') ? 'in' : sides.has('out') ? 'out' : '';
}

export function parseMuteSide(value: unknown, field = 'direction'): MuteSide {
  if (value === 'in' || value === 'out' || value === 'both') return value;
  throw invalidArgument(field, 'must be one of in, out, both');
}

export const DTMF_MAX_DIGITS = 100;
export const DTMF_DURATION_MS = { min: 100, max: 1000, default: 250 } as const;
export const DTMF_INTERVAL_MS = { min: 0, max: 5000, default: 100 } as const;
const DTMF_DIGITS = /^[0-9A-D*#]+$/;

/** VoIPBIN's digits_send limits: digits 0-9 A-D * # (at most 100), duration 100–1000 ms, interval 0–5000 ms. */
export function parseDtmf(input: { digits?: unknown; duration?: unknown; interval?: unknown }): DtmfRequest {
  const { digits } = input;
  if (typeof digits !== 'string' || digits.length === 0) throw invalidArgument('digits', 'is required');
  const upper = digits.toUpperCase();
  if (!DTMF_DIGITS.test(upper)) throw invalidArgument('digits', 'may hold only 0-9, A-D, * and #');
  if (upper.length > DTMF_MAX_DIGITS) throw invalidArgument('digits', `at most ${DTMF_MAX_DIGITS} digits`);
  return {
    digits: upper,
    durationMs: milliseconds(input.duration, 'duration', DTMF_DURATION_MS),
    intervalMs: milliseconds(input.interval, 'interval', DTMF_INTERVAL_MS),
  };
}

function milliseconds(value: unknown, field: string, range: { min: number; max: number; default: number }): number {
  if (value === undefined || value === null) return range.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidArgument(field, `must be a whole number of milliseconds from ${range.min} to ${range.max}`);
  }
  return value;
}

/**
 * How long carrying a control out takes beyond its request: DTMF answers once its digits have
 * played (dtmf-timing), so the call's media lock is held, and its requester waits, that long.
 */
export const controlPlayoutMs = (control: MediaControl): number => (control.type === 'dtmf' ? dtmfPlayoutMs(control.dtmf) : 0);
