import type { Call } from '../domain/call';

/** The call a hangup is for, as the decision saw it (`eventSeq` keys the job: one per decision). */
export type HangupTarget = Pick<Call, 'id' | 'channelId' | 'eventSeq' | 'status' | 'direction' | 'hangupRequest' | 'activeflowId'>;

/** Ends a call's channel, as decided on `call` (src/workers/channel-hangup.ts: queued, or at once). */
export type HangupCommand = (call: HangupTarget, cause: number) => Promise<void>;

/** Telephony work the services ask for; carried out by the telephony workers (idempotent jobs). */
export interface TelephonyCommands {
  originate(callId: string): Promise<void>;
  /**
   * Ends the call's channel. The job is keyed by the call's event sequence at the decision:
   * the same decision queued twice is one job, a later one (an orphan channel) is another.
   * The call as it was decided on travels with the job: its channel spares the worker a lookup,
   * and its facts let the worker apply the channel's end without reading the call first.
   */
  hangup: HangupCommand;
}
