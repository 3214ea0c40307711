/** One direction of a call recorded on its own snoop channel (VoIPBIN's pattern). */
export interface RecordPartRequest {
  /** The call's channel. */
  channelId: string;
  snoopId: string;
  /** The ARI recording's name. */
  name: string;
  /** `in`: what the far end says; `out`: what it hears. */
  spy: 'in' | 'out';
  /** 0: no limit. */
  maxDurationSeconds: number;
  /** 0: silence does not end it. */
  maxSilenceSeconds: number;
}

/** The media server's recording verbs: records are WAV (16-bit PCM), mono, one per snoop. */
export interface RecordingVerbs {
  /** Makes the snoop and records it; a retry finds both existing and does nothing. */
  recordPart(request: RecordPartRequest): Promise<void>;
  /** Stops a live recording (RecordingFinished follows); `not_found` when it is not live. */
  stopRecording(name: string): Promise<'stopped' | 'not_found'>;
  /** The stored recording's file (GET /recordings/stored/{name}/file); null when there is none. */
  fetchStoredRecording(name: string): Promise<Buffer | null>;
  /** Removes the stored recording from the media server once the product has its own copy. */
  deleteStoredRecording(name: string): Promise<void>;
}

/** The Stasis argument of the snoop channels the product makes, to tell them from calls. */
export const SNOOP_CHANNEL_ARG = 'snoop';
