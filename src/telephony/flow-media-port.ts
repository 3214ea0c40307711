/** What flow actions ask of a media server, beyond making and ending calls. */
export interface FlowMediaPort {
  /** Answers a channel (an incoming one; an answered channel stays as it is). */
  answer(channelId: string): Promise<void>;
  /**
   * Plays one media URI (`sound:…`, `sound:https://…`, the simulator's `tts:…`) to a channel with
   * the given playback id; PlaybackFinished (event `playback_finished`) tells when it is over.
   * A playback id already in use is the same request retried: nothing happens.
   */
  play(channelId: string, playbackId: string, media: string, language: string): Promise<void>;
  /** Stops a playback; one already finished is no error. */
  stopPlayback(playbackId: string): Promise<void>;
  /** Creates a mixing bridge with this id (a retry finds it made). */
  createBridge(bridgeId: string): Promise<void>;
  addToBridge(bridgeId: string, channelIds: string[]): Promise<void>;
  /** Destroys a bridge; one already gone is no error. */
  destroyBridge(bridgeId: string): Promise<void>;
}
