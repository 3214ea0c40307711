import { callNotUp } from './call-state-error';
import { AppError, invalidArgument } from './errors';

export const RECORDING_FORMATS = ['wav', 'mp3', 'ogg'] as const;
export const RECORDING_DIRECTIONS = ['in', 'out', 'both'] as const;
export const RECORDING_CHANNELS = ['mixed', 'stereo'] as const;
export const RECORDING_STATUSES = ['initiating', 'recording', 'stopping', 'ended'] as const;

export type RecordingFormat = (typeof RECORDING_FORMATS)[number];
export type RecordingDirection = (typeof RECORDING_DIRECTIONS)[number];
export type RecordingChannels = (typeof RECORDING_CHANNELS)[number];
export type RecordingStatus = (typeof RECORDING_STATUSES)[number];
/** One direction of the call's audio, recorded on its own snoop channel. */
export type RecordingPart = 'in' | 'out';

/** What a client (API or flow action) asks for when it starts a recording. */
export interface RecordingOptions {
  format: RecordingFormat;
  direction: RecordingDirection;
  channels: RecordingChannels;
  /** Seconds of silence that end the recording; 0: none. */
  endOfSilence: number;
  /** DTMF keys that end the recording ('' none, '*', '#', '0'-'9', 'A'-'D', or several). */
  endOfKey: string;
  /** Longest the recording may run, in seconds; 0: until stopped or hangup. */
  duration: number;
}

export interface Recording extends RecordingOptions {
  id: string;
  customerId: string;
  referenceType: 'call';
  referenceId: string;
  /** The call's activeflow when the recording started; null without one. */
  activeflowId: string | null;
  status: RecordingStatus;
  parts: RecordingPart[];
  finishedParts: RecordingPart[];
  /** The media server's time each part started: the file aligns the parts by it. */
  partStartedAt: Partial<Record<RecordingPart, Date>>;
  fileName: string | null;
  fileSize: number | null;
  fileDurationMs: number | null;
  eventSeq: number;
  tmStart: Date | null;
  tmEnd: Date | null;
  tmCreate: Date;
  tmUpdate: Date;
  tmDelete: Date | null;
}

/** Limits of the numeric options: a day of recording, an hour of silence. */
const MAX_DURATION_SECONDS = 24 * 3600;
const MAX_SILENCE_SECONDS = 3600;
const KEYS = /^[0-9A-D*#]{0,16}$/;
const NO_FLOW = '00000000-0000-0000-0000-000000000000';

const oneOf = <T extends string>(values: readonly T[], value: unknown, field: string, fallback: T): T => {
  if (value === undefined || value === null || value === '') return fallback;
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw invalidArgument(field, `must be one of ${values.join(', ')}`);
};

const wholeNumber = (value: unknown, field: string, max: number): number => {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalidArgument(field, `must be a whole number of seconds from 0 to ${max}`);
  }
  return value;
};

/**
 * Validates a start request as the API and the flow actions give it (snake_case). Defaults:
 * VoIPBIN's (wav is ours: mp3 is VoIPBIN's default, but wav needs no conversion), both
 * directions, mixed.
 */
export function parseRecordingOptions(input: unknown, defaultFormat: RecordingFormat = 'wav'): RecordingOptions {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    throw invalidArgument('body', 'must be a JSON object');
  }
  const raw = (input ?? {}) as Record<string, unknown>;
  // VoIPBIN's clients always send on_end_flow_id; running a flow at the end is not built yet, so
  // only "none" is taken (a real id would be silently ignored otherwise).
  if (raw.on_end_flow_id !== undefined && raw.on_end_flow_id !== null && raw.on_end_flow_id !== '' && raw.on_end_flow_id !== NO_FLOW) {
    throw invalidArgument('on_end_flow_id', 'running a flow when the recording ends is not supported yet; send the all-zero UUID or leave it out');
  }
  const endOfKey = raw.end_of_key ?? '';
  if (typeof endOfKey !== 'string' || !KEYS.test(endOfKey)) throw invalidArgument('end_of_key', 'must be DTMF keys (0-9, A-D, *, #)');
  return {
    format: oneOf(RECORDING_FORMATS, raw.format, 'format', defaultFormat),
    direction: oneOf(RECORDING_DIRECTIONS, raw.direction, 'direction', 'both'),
    channels: oneOf(RECORDING_CHANNELS, raw.channels, 'channels', 'mixed'),
    endOfSilence: wholeNumber(raw.end_of_silence, 'end_of_silence', MAX_SILENCE_SECONDS),
    endOfKey,
    duration: wholeNumber(raw.duration, 'duration', MAX_DURATION_SECONDS),
  };
}

/** The snoop channels a direction needs: VoIPBIN records each direction on its own. */
export const partsOf = (direction: RecordingDirection): RecordingPart[] => (direction === 'both' ? ['in', 'out'] : [direction]);

/** ARI names: neither is a UUID, so the call-event consumer never mistakes them for calls. */
export const ariRecordingName = (recordingId: string, part: RecordingPart): string => `rec-${recordingId}-${part}`;
export const snoopChannelId = (recordingId: string, part: RecordingPart): string => `snoop-${recordingId}-${part}`;

const NAME = /^rec-([0-9a-f-]{36})-(in|out)$/;

export function parseAriRecordingName(name: string): { recordingId: string; part: RecordingPart } | null {
  const match = NAME.exec(name);
  return match ? { recordingId: match[1] as string, part: match[2] as RecordingPart } : null;
}

/** A key press ends the recording when it is one of its end keys. */
export const endsOnKey = (recording: Pick<Recording, 'endOfKey'>, digit: string): boolean => digit !== '' && recording.endOfKey.includes(digit);

/** Why a call cannot start a recording now, or null when it can. */
export function cannotStartRecording(call: { status: string; recordingId: string | null }): AppError | null {
  if (call.status !== 'progressing') return callNotUp(call.status, `The call is ${call.status}: only a progressing call can be recorded.`);
  if (call.recordingId) return new AppError('CALL_ALREADY_RECORDING', `The call is already being recorded (recording ${call.recordingId}).`);
  return null;
}
