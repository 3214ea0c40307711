import { randomUUID } from 'node:crypto';
import type { Call } from '../domain/call';
import { AppError } from '../domain/errors';
import { assertControllable, parseDtmf, parseMuteSide, type MediaControl } from '../domain/media-control';
import { parseSpeech } from '../domain/speech';
import type { CallRepository } from '../persistence/call-repository';
import { parseId } from './ids';
import type { MediaControlCommands } from './media-control-ports';

export interface DtmfInput {
  digits?: unknown;
  duration?: unknown;
  interval?: unknown;
}

export interface TalkInput {
  text?: unknown;
  language?: unknown;
}

/** Playback ids of talk on a live call: not `flow_…`, so a running flow ignores their end. */
const talkPlaybackId = (callId: string) => `talk_${callId}_${randomUUID()}`;

/**
 * Hold, music on hold, silence, mute, DTMF and talk on a progressing call. Input is checked first (400),
 * then ownership (404) and the call's status (409); the control is then carried out by a
 * telephony worker and the answer is the call as it is afterwards. Talk answers once the
 * media server has started the speech (it plays on after the answer), as hold answers once held.
 */
export function createMediaControlService(deps: { calls: CallRepository; commands: MediaControlCommands }) {
  const { calls, commands } = deps;

  async function control(customerId: string, id: unknown, request: MediaControl): Promise<Call> {
    const callId = parseId(id, 'id');
    const call = await calls.findOwned(callId, customerId);
    if (!call) throw new AppError('CALL_NOT_FOUND', 'The call was not found.');
    assertControllable(call.status);
    const outcome = await commands.run(call.id, request);
    if (outcome.result === 'not_progressing') assertControllable(outcome.status as Call['status']);
    if (outcome.result === 'channel_gone') throw new AppError('CALL_ENDING', 'The call is ending: its channel is already gone.');
    if (outcome.result === 'expired') throw new AppError('SERVICE_UNAVAILABLE', 'No telephony worker took the request in time.');
    return (await calls.findOwned(callId, customerId)) ?? call;
  }

  return {
    hold: (customerId: string, id: unknown, on: boolean) => control(customerId, id, { type: 'hold', on }),
    musicOnHold: (customerId: string, id: unknown, on: boolean) => control(customerId, id, { type: 'moh', on }),
    silence: (customerId: string, id: unknown, on: boolean) => control(customerId, id, { type: 'silence', on }),
    mute: (customerId: string, id: unknown, direction: unknown, on: boolean) =>
      control(customerId, id, { type: 'mute', on, direction: parseMuteSide(direction) }),
    sendDtmf: (customerId: string, id: unknown, input: DtmfInput) => control(customerId, id, { type: 'dtmf', dtmf: parseDtmf(input) }),
    talk: (customerId: string, id: unknown, input: TalkInput) => {
      const speech = parseSpeech(input);
      const callId = parseId(id, 'id');
      return control(customerId, callId, { type: 'talk', speech, playbackId: talkPlaybackId(callId) });
    },
  };
}

export type MediaControlService = ReturnType<typeof createMediaControlService>;
