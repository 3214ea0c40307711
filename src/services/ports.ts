/** Telephony work the services ask for; carried out by the telephony workers (idempotent jobs). */
export interface TelephonyCommands {
  originate(callId: string): Promise<void>;
  hangup(callId: string, cause: number): Promise<void>;
  /** Ends the call with reason `dialout` if it has not been answered `delayMs` from now. */
  scheduleDialTimeout(callId: string, delayMs: number): Promise<void>;
}
