import type { MediaControl } from '../domain/media-control';

/** How a media control ended, as the worker that carried it out tells the API. */
export type MediaControlOutcome =
  | { result: 'applied' }
  /** The call was no longer progressing when its turn came: nothing was sent, nothing changed. */
  | { result: 'not_progressing'; status: string }
  /** The call's channel is already gone (its hangup is on its way): nothing changed. */
  | { result: 'channel_gone' }
  /** Its deadline passed before a worker took it (the API had answered 503 already): not run. */
  | { result: 'expired' };

export interface MediaControlJob {
  callId: string;
  control: MediaControl;
  /** Epoch ms after which the job must not run: its requester no longer waits for it. */
  deadline: number;
}

/** The API side: hands a control to the telephony workers and waits (bounded) for its outcome. */
export interface MediaControlCommands {
  run(callId: string, control: MediaControl): Promise<MediaControlOutcome>;
}
