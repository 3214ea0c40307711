/** Telephony work the services ask for; carried out by the telephony workers (idempotent jobs). */
export interface TelephonyCommands {
  originate(callId: string): Promise<void>;
  /**
   * Ends the call's channel. `version` is the call's event sequence when the hangup was decided:
   * the same decision queued twice is one job, a later one (an orphan channel) is another.
   */
  hangup(callId: string, cause: number, version: number): Promise<void>;
  /** Ends the call with reason `dialout` if it has not been answered `delayMs` from now. */
  scheduleDialTimeout(callId: string, delayMs: number): Promise<void>;
}
