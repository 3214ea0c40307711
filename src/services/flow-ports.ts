/** Flow work the services ask for; carried out by the flow workers (jobs with deterministic ids). */
export interface FlowJobs {
  /** Carries out the current action of step `step` (a no-op once the activeflow has moved on). */
  runStep(activeflowId: string, step: number): Promise<void>;
  /** Ends the wait of step `step` after `delayMs` (a timeout, or a sleep's end). */
  scheduleWait(activeflowId: string, step: number, delayMs: number): Promise<void>;
  /** The step is over: its pending wait must not fire. */
  cancelWait(activeflowId: string, step: number): Promise<void>;
}

