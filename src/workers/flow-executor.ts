import type { Call } from '../domain/call';
import { pressKey } from '../domain/flow/digits-input';
import type { Activeflow } from '../domain/flow/activeflow';
import type { FlowAction } from '../domain/flow/flow-action';
import type { ParseAction } from '../domain/flow/flow-engine';
import { DIGITS_VARIABLE } from '../domain/flow/flow-variables';
import type { Logger } from '../platform/logger';
import type { ActiveflowService } from '../services/activeflow-service';
import type { CallRepository } from '../services/call-repository';
import type { CallService } from '../services/call-service';
import type { FlowJobs } from '../services/flow-ports';
import type { RecordingService } from '../services/recording-service';
import type { FlowMediaPort } from '../telephony/flow-media-port';
import type { MediaControlPort } from '../telephony/media-control-port';
import type { TextToSpeech } from '../telephony/text-to-speech';
import { CONNECT_TIMEOUT_MS, connectLegs } from './flow-connect';
import { flowPlaybackId, parseFlowPlaybackId, streamMedia } from './flow-playbacks';

export interface FlowExecutorDeps {
  activeflows: ActiveflowService;
  calls: CallRepository;
  callService: CallService;
  /** Recording actions go through the API's own path: same validation, same 409 rules. */
  recordings: Pick<RecordingService, 'startWith' | 'stop' | 'get'>;
  media: FlowMediaPort & Pick<MediaControlPort, 'sendDtmf'>;
  speech: TextToSpeech;
  jobs: FlowJobs;
  parse: ParseAction;
  logger: Logger;
}

/** Longest a prompt or a media file may play before the step gives up on PlaybackFinished. */
export const PLAYBACK_TIMEOUT_MS = 10 * 60_000;
/** Longest an answer waits for the incoming channel to report it is up. */
export const ANSWER_TIMEOUT_MS = 30_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Carries out the current action of an activeflow on its call, one step at a time. Nothing is
 * kept in memory between steps: a step's wait ends on a media event (PlaybackFinished, DTMF, a
 * leg's change) or on its wait job, whichever comes first, and each re-reads the activeflow.
 */
export function createFlowExecutor(deps: FlowExecutorDeps) {
  const { activeflows, calls, callService, recordings, media, speech, jobs, parse, logger } = deps;

  const actionOf = (flow: Activeflow): FlowAction | null => (flow.currentAction ? parse(flow.currentAction, 'current_action') : null);
  const atStep = (flow: Activeflow | null, step: number): flow is Activeflow => flow?.status === 'running' && flow.step === step;

  /** Waits for a media event or `delayMs`; the wait is cancelled if the flow ended meanwhile. */
  async function waitUpTo(flow: Activeflow, delayMs: number): Promise<void> {
    await jobs.scheduleWait(flow.id, flow.step, delayMs);
    if (!atStep(await activeflows.findById(flow.id), flow.step)) await jobs.cancelWait(flow.id, flow.step);
  }

  async function execute(flow: Activeflow, call: Call, action: FlowAction): Promise<void> {
    const done = (outcome = {}) => activeflows.advance(flow.id, flow.step, outcome);
    switch (action.type) {
      case 'answer':
        await media.answer(call.channelId);
        // An incoming call is answered when its channel says so (callAnswered): the next action
        // (a recording, say) must find the call progressing.
        if (call.direction !== 'incoming' || call.status === 'progressing') return void (await done());
        return waitUpTo(flow, ANSWER_TIMEOUT_MS);
      case 'talk': {
        const uri = await speech.mediaFor(action.option.text, action.option.language);
        await media.play(call.channelId, flowPlaybackId(flow.id, flow.step, 0), uri, action.option.language);
        return waitUpTo(flow, PLAYBACK_TIMEOUT_MS);
      }
      case 'play': {
        const first = action.option.streamUrls[0];
        if (first === undefined) return void (await done());
        await media.play(call.channelId, flowPlaybackId(flow.id, flow.step, 0), streamMedia(first), 'en');
        return waitUpTo(flow, PLAYBACK_TIMEOUT_MS);
      }
      case 'hangup':
        // The flow ends when the call does (observe → endForCall).
        await callService.signal(call.id, { type: 'hangup_requested', reason: action.option.reason ?? 'normal' });
        return;
      case 'sleep':
        return waitUpTo(flow, action.option.durationMs);
      case 'digits_receive':
        // Its digits were reset when it became current; key presses collect from then on.
        return waitUpTo(flow, action.option.durationMs);
      case 'digits_send':
        await media.sendDtmf(call.channelId, action.option);
        return void (await done());
      case 'connect':
        await connectLegs(deps, flow, call, action);
        return waitUpTo(flow, CONNECT_TIMEOUT_MS);
      case 'recording_start':
        // The flow goes on while the call is recorded; a refusal (409) is the action's error.
        if (!(await recordedInThisStep(flow, call))) await recordings.startWith(call.customerId, call.id, action.option);
        return void (await done());
      case 'recording_stop':
        await recordings.stop(call.customerId, call.id);
        return void (await done());
      default:
        return void (await done({ error: `${action.type} is not supported yet` }));
    }
  }

  /**
   * Whether an earlier attempt of this step already started the call's active recording: a
   * retried job must not turn its own success into a 409.
   */
  async function recordedInThisStep(flow: Activeflow, call: Call): Promise<boolean> {
    if (!call.recordingId) return false;
    const since = new Date(flow.currentAction?.tmExecute ?? 0).getTime();
    return (await recordings.get(call.customerId, call.recordingId)).tmCreate.getTime() >= since;
  }

  return {
    /** The run job of a step. */
    async runStep(activeflowId: string, step: number): Promise<void> {
      const flow = await activeflows.findById(activeflowId);
      if (!atStep(flow, step)) return;
      const call = await calls.findById(flow.referenceId);
      if (!call || call.status === 'hangup') {
        await activeflows.endForCall(flow.referenceId);
        return;
      }
      let action: FlowAction | null;
      try {
        action = actionOf(flow);
      } catch (error) {
        await activeflows.advance(flow.id, step, { error: message(error) });
        return;
      }
      if (!action) return;
      try {
        await execute(flow, call, action);
      } catch (error) {
        // An action that fails moves the flow on, with its error on record.
        logger.info({ err: error, activeflowId, step, type: action.type }, 'flow action failed');
        if (atStep(await activeflows.findById(activeflowId), step)) await activeflows.advance(flow.id, step, { error: message(error) });
      }
    },

    /** The wait job of a step: its timeout (or a sleep's end). */
    async waitOver(activeflowId: string, step: number): Promise<void> {
      const flow = await activeflows.findById(activeflowId);
      if (!atStep(flow, step)) return;
      const action = actionOf(flow);
      switch (action?.type) {
        case 'sleep':
        case 'digits_receive':
          await activeflows.advance(flow.id, step);
          return;
        case 'talk':
        case 'play':
          for (let index = 0; index < (action.type === 'play' ? action.option.streamUrls.length : 1); index++) {
            await media.stopPlayback(flowPlaybackId(flow.id, step, index));
          }
          await activeflows.advance(flow.id, step, { error: 'timed out waiting for the playback to finish' });
          return;
        default:
          await activeflows.advance(flow.id, step, { error: `${action?.type ?? 'the action'} timed out` });
      }
    },

    async playbackFinished(playbackId: string, failed: boolean): Promise<void> {
      const ids = parseFlowPlaybackId(playbackId);
      if (!ids) return;
      const flow = await activeflows.findById(ids.activeflowId);
      if (!atStep(flow, ids.step)) return;
      const action = actionOf(flow);
      if (failed) {
        const what = action?.type === 'play' ? action.option.streamUrls[ids.index] : 'the prompt';
        await activeflows.advance(flow.id, ids.step, { error: `could not play ${what}` });
        return;
      }
      const nextUrl = action?.type === 'play' ? action.option.streamUrls[ids.index + 1] : undefined;
      if (nextUrl === undefined) {
        await activeflows.advance(flow.id, ids.step);
        return;
      }
      try {
        await media.play(await calls.channelOf(flow.referenceId), flowPlaybackId(flow.id, ids.step, ids.index + 1), streamMedia(nextUrl), 'en');
      } catch (error) {
        await activeflows.advance(flow.id, ids.step, { error: message(error) });
      }
    },

    /**
     * The call's channel is going: its flow ends now, before the media on it reports finishing
     * (a prompt cut off by the hangup must not move the flow on to its next action).
     */
    async hangingUp(callId: string): Promise<void> {
      await activeflows.endForCall(callId);
    },

    /** A key the far end pressed: input for digits_receive, or a skip of a talk with digits_handle next. */
    async digitPressed(callId: string, digit: string): Promise<void> {
      const flow = await activeflows.findByCall(callId);
      if (!flow || flow.status !== 'running') return;
      const action = actionOf(flow);
      const collected = flow.variables[DIGITS_VARIABLE] ?? '';
      if (action?.type === 'digits_receive') {
        const input = pressKey(action.option, collected, digit);
        const variables = { ...flow.variables, [DIGITS_VARIABLE]: input.digits };
        if (input.done) await activeflows.advance(flow.id, flow.step, { variables });
        else await activeflows.setVariables(flow.id, flow.step, variables);
      } else if (action?.type === 'talk' && action.option.digitsHandle === 'next') {
        await media.stopPlayback(flowPlaybackId(flow.id, flow.step, 0));
        await activeflows.advance(flow.id, flow.step, { variables: { [DIGITS_VARIABLE]: collected + digit } });
      }
    },

    /** A call changed: an incoming call now progressing completes its flow's answer action. */
    async callAnswered(call: Call): Promise<void> {
      if (call.status !== 'progressing' || call.direction !== 'incoming') return;
      const flow = await activeflows.findByCall(call.id);
      if (flow?.status === 'running' && actionOf(flow)?.type === 'answer') await activeflows.advance(flow.id, flow.step);
    },

  };
}

export type FlowExecutor = ReturnType<typeof createFlowExecutor>;
