/** Recording work the services ask for; carried out by the recording workers (idempotent jobs). */
export interface RecordingCommands {
  /** Makes the snoop channels and starts recording them. */
  start(recordingId: string): Promise<void>;
  /** Stops the live recordings and hangs the snoops up. */
  stop(recordingId: string): Promise<void>;
  /** Fetches the parts, lays them out, encodes, stores the file: now, and as a safety net later. */
  store(recordingId: string): Promise<void>;
  storeLater(recordingId: string, delayMs: number): Promise<void>;
}
