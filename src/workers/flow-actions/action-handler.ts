import type { Call } from '../../domain/call';
import type { Activeflow } from '../../domain/flow/activeflow';
import type { CallActionType } from '../../domain/flow/action-types';
import type { FlowAction } from '../../domain/flow/flow-action';
import type { ParseAction } from '../../domain/flow/flow-engine';
import type { Logger } from '../../platform/logger';
import type { ActiveflowService, StepOutcome } from '../../services/activeflow-service';
import type { CallLookups } from '../../services/call-service';
import type { CallService } from '../../services/call-service';
import type { FlowJobs } from '../../services/flow-ports';
import type { GroupcallService } from '../../services/groupcall-service';
import type { RecordingService } from '../../services/recording-service';
import type { FlowMediaPort } from '../../telephony/flow-media-port';
import type { MediaControlPort } from '../../telephony/media-control-port';
import type { TextToSpeech } from '../../telephony/text-to-speech';

/** What the flow runner and the action handlers work with. */
export interface FlowExecutorDeps {
  activeflows: ActiveflowService;
  calls: CallLookups;
  callService: CallService;
  /** A connect to several destinations rings them as a groupcall. */
  groupcalls: Pick<GroupcallService, 'createForCall'>;
  /** Recording actions go through the API's own path: same validation, same 409 rules. */
  recordings: Pick<RecordingService, 'startWith' | 'stop' | 'get'>;
  media: FlowMediaPort & Pick<MediaControlPort, 'sendDtmf'>;
  speech: TextToSpeech;
  jobs: FlowJobs;
  parse: ParseAction;
  logger: Logger;
}


/** The step an action handler works on: its activeflow at that step, and how to end or wait. */
export interface ActionStep {
  flow: Activeflow;
  deps: FlowExecutorDeps;
  /** Ends the step (the flow moves on), with an error or new variables; false if it had moved on. */
  done(outcome?: StepOutcome): Promise<boolean>;
  /** Waits for a media event or `delayMs` (the step's wait job), whichever comes first. */
  waitUpTo(delayMs: number): Promise<void>;
}

/**
 * What one action type does on the call. `run` starts it; the other hooks are the media events
 * and timers a waiting action completes on. A hook left out means: the wait running out fails the
 * step ("<type> timed out"), the end of a playback completes it, a key press and the call's
 * answer are ignored. Every hook re-reads nothing itself: the runner hands it the activeflow as
 * it is at the step, and a hook for a step that moved on is never called.
 */
export interface ActionHandler<A extends FlowAction> {
  run(step: ActionStep, action: A, call: Call): Promise<void>;
  waitOver?(step: ActionStep, action: A): Promise<void>;
  /** `index`: which of the step's media ended (play has several). */
  playbackFinished?(step: ActionStep, action: A, index: number, failed: boolean): Promise<void>;
  digit?(step: ActionStep, action: A, digit: string): Promise<void>;
  /** The call (incoming) reported it is up. */
  callAnswered?(step: ActionStep, action: A): Promise<void>;
}

/** One handler per action type carried out on a call: a type without one does not compile. */
export type ActionHandlers = { readonly [T in CallActionType]: ActionHandler<Extract<FlowAction, { type: T }>> };
